import { render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from 'vitest'
import { sequenceListSchema } from '@/catalog/sequence-contract'
import { App } from '@/app/app'
import { Providers } from '@/app/providers'
import { replaceStoredRenders } from '@/features/renders/render-store'
import { studioHandlers } from '@/mocks/handlers'
import { ledgerRender } from '@/test/ledger-fixtures'

let studio = studioHandlers()
const server = setupServer()
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
beforeEach(async () => {
  studio = studioHandlers()
  server.use(...studio.handlers)
  await replaceStoredRenders([])
  studio.ledger.put(ledgerRender(0, { input: { model: 'grok', prompt: 'Take 0 of a lighthouse', duration: 6 } }))
  studio.ledger.put(ledgerRender(1, { output: { video_url: '/demo/lava-16x9-4s.mp4', duration: 4 } }))
  studio.ledger.put(ledgerRender(2, { status: 'processing', output: null }))
})
afterEach(() => server.resetHandlers())
afterAll(() => server.close())

const renderStudio = () =>
  render(
    <Providers>
      <App />
    </Providers>,
  )

async function galleryItem(prompt: string): Promise<HTMLElement> {
  const gallery = await screen.findByRole('region', { name: 'Gallery' })
  return (await within(gallery).findByText(prompt, {}, { timeout: 3000 })).closest('li')!
}

const storedSequences = async () =>
  sequenceListSchema.parse(await (await fetch('http://localhost/api/sequences')).json()).items

it('starts a sequence from one take and adds another at its end, each played whole', async () => {
  const user = userEvent.setup()
  renderStudio()
  await user.click(within(await galleryItem('Take 0 of a lighthouse')).getByRole('button', { name: 'Add to sequence' }))
  const dialog = await screen.findByRole('dialog', { name: 'Add to sequence' })
  await user.type(within(dialog).getByLabelText('New sequence'), 'Opening')
  await user.click(within(dialog).getByRole('button', { name: 'Create' }))
  expect(await screen.findByText('Added to “Opening” as shot 1')).toBeVisible()
  expect(screen.queryByRole('dialog', { name: 'Add to sequence' })).toBeNull()

  await user.click(within(await galleryItem('Take 1 of a lighthouse')).getByRole('button', { name: 'Add to sequence' }))
  const again = await screen.findByRole('dialog', { name: 'Add to sequence' })
  await user.click(await within(again).findByRole('button', { name: /Opening\s*1 shot · 6\.0 s/ }))
  expect(await screen.findByText('Added to “Opening” as shot 2')).toBeVisible()

  const [opening] = await storedSequences()
  expect(opening?.version).toBe(2)
  expect(opening?.shots.map(({ activeTakeId, inMs, outMs }) => ({ activeTakeId, inMs, outMs }))).toEqual([
    { activeTakeId: ledgerRender(0).id, inMs: 0, outMs: 6000 },
    { activeTakeId: ledgerRender(1).id, inMs: 0, outMs: 4000 },
  ])
})

it('adds to the version another browser just saved rather than overwriting it', async () => {
  const user = userEvent.setup()
  renderStudio()
  const item = await galleryItem('Take 0 of a lighthouse')
  const other = { id: 'theirs', takeIds: [ledgerRender(1).id], activeTakeId: ledgerRender(1).id, inMs: 0, outMs: 4000 }
  const made = await fetch('http://localhost/api/sequences', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'Shared', shots: [] }),
  })
  const { id } = (await made.json()) as { id: string }
  // Another browser saves its shot between this browser's read of the sequence and its write.
  let raced = false
  server.use(
    http.patch('*/api/sequences/:id', async ({ request }) => {
      if (raced) return
      raced = true
      await fetch(request.url, {
        method: 'PATCH',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ version: 1, shots: [other] }),
      })
      return HttpResponse.json({ error: { code: 'stale_version', message: 'changed' } }, { status: 409 })
    }),
  )
  await user.click(within(item).getByRole('button', { name: 'Add to sequence' }))
  const dialog = await screen.findByRole('dialog', { name: 'Add to sequence' })
  await user.click(await within(dialog).findByRole('button', { name: /^Shared/ }))
  expect(await screen.findByText('Added to “Shared” as shot 2')).toBeVisible()
  const [shared] = await storedSequences()
  expect(shared?.id).toBe(id)
  expect(shared?.shots.map((s) => s.activeTakeId)).toEqual([ledgerRender(1).id, ledgerRender(0).id])
})

it('offers it only once the take has finished', async () => {
  renderStudio()
  const button = within(await galleryItem('Take 2 of a lighthouse')).getByRole('button', { name: 'Add to sequence' })
  expect(button).toBeDisabled()
  await waitFor(() => expect(button).toHaveAttribute('title', 'Add to sequence (when the take is ready)'))
})
