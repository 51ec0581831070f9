import { render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, expect, it, vi } from 'vitest'
import { App } from '@/app/app'
import { Providers } from '@/app/providers'
import { studioHandlers } from '@/mocks/handlers'
import { parseGalleryFile } from './gallery-file'

const studio = studioHandlers({ simulator: { timing: { queuedMs: 100, processingMs: 200, pollAfterMs: 100 } } })
const server = setupServer(...studio.handlers)
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => vi.restoreAllMocks())
afterAll(() => server.close())

it('keeps working in memory when the browser refuses storage, says so, and still exports', async () => {
  vi.spyOn(indexedDB, 'open').mockImplementation(() => {
    throw new DOMException('The user denied permission to access the database.', 'SecurityError')
  })
  const user = userEvent.setup()
  render(
    <Providers>
      <App />
    </Providers>,
  )
  expect(await screen.findByRole('alert')).toHaveTextContent(
    'Renders are kept in memory only: this browser refused storage. Export to keep them.',
  )
  await user.click(await screen.findByRole('radio', { name: 'Sora 2' }))
  await user.type(screen.getByLabelText('Prompt'), 'A tram in the fog')
  await user.click(screen.getByRole('button', { name: 'Generate' }))
  const gallery = await screen.findByRole('region', { name: 'Gallery' })
  const item = await within(gallery).findByRole('listitem')
  await waitFor(() => expect(within(item).getByText('Succeeded')).toBeInTheDocument(), { timeout: 3000 })
  expect(studio.simulator.createdCount()).toBe(1)

  let exported: Blob | undefined
  URL.createObjectURL = (blob: Blob) => ((exported = blob), 'blob:export')
  URL.revokeObjectURL = () => {}
  const download = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {})
  await user.click(within(gallery).getByRole('button', { name: 'Export' }))
  expect(download).toHaveBeenCalledOnce()
  const file = parseGalleryFile(await exported!.text())
  expect(file).toMatchObject({ ok: true, renders: [{ status: 'succeeded', input: { prompt: 'A tram in the fog' } }] })
})
