import { render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, expect, it, vi } from 'vitest'
import { Providers } from '@/app/providers'
import { catalogV1 } from '@/catalog/models-v1'
import { studioHandlers } from '@/mocks/handlers'
import { ledgerRender } from '@/test/ledger-fixtures'
import LineageView from './lineage-view'

const studio = studioHandlers({ simulator: { timing: { queuedMs: 0, processingMs: 0, pollAfterMs: 0 } } })
const server = setupServer(...studio.handlers)
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => server.resetHandlers())
afterAll(() => server.close())

// The first render (oldest), a re-run of it, two variations of the re-run, a remix of the first; and a stranger.
const root = studio.ledger.put(ledgerRender(9, { billableCredits: 18 }))
const rerun = studio.ledger.put(ledgerRender(8, { parentId: root.id, relation: 'rerun', billableCredits: 18 }))
const variations = [7, 6].map((i) =>
  studio.ledger.put(ledgerRender(i, { parentId: rerun.id, relation: 'variation', billableCredits: 20 })),
)
const remix = studio.ledger.put(ledgerRender(5, { parentId: root.id, relation: 'remix', billableCredits: 30 }))
studio.ledger.put(ledgerRender(4, { billableCredits: 500 }))

function show(localId: string) {
  const onOpen = vi.fn()
  const onCompare = vi.fn()
  render(
    <Providers>
      <LineageView localId={localId} catalog={catalogV1} onClose={vi.fn()} onOpen={onOpen} onCompare={onCompare} />
    </Providers>,
  )
  return { onOpen, onCompare }
}

it('shows the family from its first render, with branch totals and the grand total, from any member', async () => {
  const user = userEvent.setup()
  show(variations[1]!.id)
  const tree = await screen.findByRole('list', { name: 'Lineage tree' })
  const rows = within(tree).getAllByRole('listitem')
  expect(rows.map((row) => row.getAttribute('aria-label'))).toEqual([
    'First render: Sora 2, Succeeded',
    'Re-run: Veo 3.1, Succeeded',
    'Variation: Sora 2, Succeeded',
    'Variation: Veo 3.1, Succeeded',
    'Remix: Sora 2, Succeeded',
  ])
  expect(rows[3]).toHaveAttribute('aria-current', 'true')
  expect(screen.getByRole('status')).toHaveTextContent('In all: 5 renders · 106 credits')
  expect(rows[0]).toHaveTextContent('branch: 5 renders · 106 credits')
  expect(rows[1]).toHaveTextContent('branch: 3 renders · 58 credits')

  await user.click(within(rows[1]!).getByRole('button', { name: 'Hide the 2 made from this' }))
  expect(within(tree).getAllByRole('listitem')).toHaveLength(3)
  await user.click(within(tree).getByRole('button', { name: 'Show the 2 made from this' }))
  expect(within(tree).getAllByRole('listitem')).toHaveLength(5)
})

it('opens, compares and re-runs any node; the re-run joins the tree and its total', async () => {
  const user = userEvent.setup()
  const { onOpen, onCompare } = show(root.id)
  const tree = await screen.findByRole('list', { name: 'Lineage tree' })
  await user.click(within(tree).getByRole('button', { name: 'Open Remix: Sora 2, Succeeded' }))
  expect(onOpen).toHaveBeenCalledWith(expect.objectContaining({ localId: remix.id }))

  await user.click(within(tree).getByRole('checkbox', { name: 'Compare First render: Sora 2, Succeeded' }))
  await user.click(within(tree).getByRole('checkbox', { name: 'Compare Remix: Sora 2, Succeeded' }))
  await user.click(screen.getByRole('button', { name: 'Compare selected (2)' }))
  expect(onCompare).toHaveBeenCalledWith([root.id, remix.id])

  await user.click(within(tree).getByRole('button', { name: 'Re-run Remix: Sora 2, Succeeded' }))
  await waitFor(() => expect(within(tree).getAllByRole('listitem')).toHaveLength(6))
  const made = studio.ledger.all().find((r) => r.parentId === remix.id)
  expect(made).toMatchObject({ relation: 'rerun', input: remix.input })
  await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent(/In all: 6 renders · 1\d\d credits/), {
    timeout: 10_000,
  })
})

it('says so when the render is not in the ledger', async () => {
  show('no-such-render')
  expect(await screen.findByRole('alert')).toHaveTextContent('The lineage could not be loaded: No such render')
})
