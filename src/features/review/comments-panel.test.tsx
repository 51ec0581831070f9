import { QueryClientProvider } from '@tanstack/react-query'
import { render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, beforeEach, expect, it, vi } from 'vitest'
import { catalogV1 } from '@/catalog/models-v1'
import { studioHandlers } from '@/mocks/handlers'
import { fromLedger } from '@/features/renders/ledger-record'
import { rendersQuery } from '@/features/renders/renders-cache'
import Viewer from '@/features/viewer/viewer'
import { createQueryClient } from '@/lib/query-client'
import { fakeMedia } from '@/test/fake-media'

// The studio's routes in demo mode, its ledger in memory (the take has no lineage there: that line stays away).
const { ledger, handlers } = studioHandlers()
const server = setupServer(...handlers)
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
beforeEach(() => void fakeMedia({ duration: 6 }))
afterEach(() => server.resetHandlers())
afterAll(() => server.close())

const take = ledger.put({
  id: 'take-1',
  idempotencyKey: 'key-1',
  requestId: 'req_1',
  input: { model: 'grok', prompt: 'Rain on a tin roof', duration: 6 },
  status: 'succeeded',
  createdAtMs: 1_000,
  completedAtMs: 9_000,
  output: { video_url: '/demo/lava-16x9-6s.mp4', duration: 6 },
})

function openViewer() {
  const client = createQueryClient()
  client.setQueryData(rendersQuery.queryKey, [fromLedger(take)])
  render(
    <QueryClientProvider client={client}>
      <Viewer
        localId={take.id}
        catalog={catalogV1}
        onClose={vi.fn()}
        onRemix={vi.fn()}
        onLineage={vi.fn()}
        onShare={vi.fn()}
      />
    </QueryClientProvider>,
  )
  const viewer = screen.getByRole('dialog', { name: take.input.prompt })
  return { viewer, video: viewer.querySelector('video')!, client }
}

it('comments at the paused playhead, lists comments by time, seeks to one, resolves and reopens it', async () => {
  const user = userEvent.setup()
  const { viewer, video, client } = openViewer()
  const comments = await within(viewer).findByRole('region', { name: 'Comments' })
  expect(await within(comments).findByText(/No comments yet/)).toBeInTheDocument()

  video.currentTime = 2.5
  await user.click(within(comments).getByRole('button', { name: 'Comment' }))
  expect(video.paused).toBe(true)
  const form = within(comments).getByRole('form', { name: 'Comment at 0:02.50' })
  expect(within(form).getByLabelText('The frame at 0:02.50')).toBeInTheDocument()
  await user.type(within(form).getByLabelText('Comment text'), '<b>the rain</b> stops too early')
  await user.click(within(form).getByRole('button', { name: 'Post' }))
  const item = await within(comments).findByRole('listitem')
  // Plain text, never markup.
  expect(within(item).getByText('<b>the rain</b> stops too early')).toBeInTheDocument()
  expect(item.querySelector('b')).toBeNull()
  expect(within(comments).getByRole('heading')).toHaveTextContent('(1 open)')
  expect(client.getQueryData(rendersQuery.queryKey)?.[0]?.openComments).toBe(1)

  video.currentTime = 0
  await user.click(within(item).getByRole('button', { name: 'Show 0:02.50' }))
  expect(video.currentTime).toBe(2.5)
  expect(video.paused).toBe(true)

  await user.click(within(item).getByRole('button', { name: 'Resolve' }))
  expect(await within(item).findByText(/^Resolved/)).toBeInTheDocument()
  expect(client.getQueryData(rendersQuery.queryKey)?.[0]?.openComments).toBeUndefined()
  expect(ledger.get(take.id)?.openComments).toBe(0)
  await user.click(within(item).getByRole('button', { name: 'Reopen' }))
  expect(await within(item).findByRole('button', { name: 'Resolve' })).toBeInTheDocument()
  expect(ledger.get(take.id)?.openComments).toBe(1)
})

it('says why a comment was refused and keeps what was typed', async () => {
  const user = userEvent.setup()
  const { viewer } = openViewer()
  const comments = await within(viewer).findByRole('region', { name: 'Comments' })
  await user.click(within(comments).getByRole('button', { name: 'Comment' }))
  const box = within(comments).getByLabelText('Comment text')
  expect(within(comments).getByRole('button', { name: 'Post' })).toBeDisabled()
  ledger.patch(take.id, { deleted: true })
  await user.type(box, 'too late')
  await user.click(within(comments).getByRole('button', { name: 'Post' }))
  expect(await within(comments).findByRole('alert')).toHaveTextContent('No such render')
  expect(box).toHaveValue('too late')
  ledger.patch(take.id, { deleted: false })
})
