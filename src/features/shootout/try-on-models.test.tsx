import { render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest'
import { App } from '@/app/app'
import { Providers } from '@/app/providers'
import { studioHandlers } from '@/mocks/handlers'

const studio = studioHandlers({ simulator: { timing: { queuedMs: 0, processingMs: 0, pollAfterMs: 0 } } })
const server = setupServer(...studio.handlers)
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => server.resetHandlers())
afterAll(() => server.close())

async function openTryOn(prompt: string) {
  const user = userEvent.setup()
  render(
    <Providers>
      <App />
    </Providers>,
  )
  await user.type(await screen.findByLabelText('Prompt'), prompt)
  await user.click(screen.getByRole('button', { name: 'Try on models' }))
  const dialog = await screen.findByRole('dialog', { name: 'Try on models' })
  for (const name of ['Veo 3.1', 'Grok']) await user.click(within(dialog).getByRole('checkbox', { name }))
  return { user, dialog }
}

it('sends the input to three models as one group, each with its mapping and estimate, then opens Compare', async () => {
  const { user, dialog } = await openTryOn('A kite over the dunes')
  const veo = within(dialog).getByRole('listitem', { name: 'Veo 3.1' })
  expect(veo).toHaveTextContent('Duration 5 s → 4 s')
  expect(veo).toHaveTextContent('≈ 40 credits')
  expect(within(dialog).getByRole('listitem', { name: 'Grok' })).toHaveTextContent(
    'Dropped (Grok has no place for it): Watermark, Safety checker',
  )
  expect(await within(dialog).findByText('3 models · total ≈ 88 credits')).toBeInTheDocument()

  await user.click(within(dialog).getByRole('button', { name: 'Send to 3 models' }))
  const report = await within(dialog).findByRole('region', { name: 'Shoot-out report' })
  expect(
    within(report)
      .getAllByRole('listitem')
      .map((li) => li.getAttribute('aria-label')),
  ).toEqual(['Seedance 2.0', 'Veo 3.1', 'Grok'])
  const compare = await screen.findByRole('dialog', { name: 'Compare' }, { timeout: 10_000 })
  expect(within(compare).getAllByLabelText(/^Compare video/)).toHaveLength(3)
  expect(within(compare).getByRole('region', { name: 'Differences' })).toHaveTextContent('Veo 3.1')

  const renders = studio.ledger.all()
  const [first] = renders.filter((r) => r.relation !== 'shootout')
  expect(renders).toHaveLength(3)
  expect(renders.every((r) => r.groupId === first!.id)).toBe(true)
  expect(new Set(renders.map((r) => r.idempotencyKey)).size).toBe(3)
  expect(renders.filter((r) => r.relation === 'shootout').map((r) => r.parentId)).toEqual([first!.id, first!.id])
})

it('shows why a model refused its mapped input, and the others still go to the end', async () => {
  server.use(
    http.post('*/api/v1/requests', async ({ request }) => {
      const body = (await request.clone().json()) as { input: { model: string } }
      if (body.input.model !== 'grok') return undefined
      return HttpResponse.json(
        { error: { code: 'invalid_input', message: 'Grok refused: the prompt names a real person' } },
        { status: 422 },
      )
    }),
  )
  const { user, dialog } = await openTryOn('A portrait in the rain')
  await user.click(await within(dialog).findByRole('button', { name: 'Send to 3 models' }))
  const report = await within(dialog).findByRole('region', { name: 'Shoot-out report' })
  const grok = within(report).getByRole('listitem', { name: 'Grok' })
  await waitFor(() => expect(grok).toHaveTextContent('Grok refused: the prompt names a real person'))
  expect(grok).toHaveTextContent('Failed')
  const compare = await screen.findByRole('dialog', { name: 'Compare' }, { timeout: 10_000 })
  expect(within(compare).getAllByLabelText(/^Compare video/)).toHaveLength(2)
})
