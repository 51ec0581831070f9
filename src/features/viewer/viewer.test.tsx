import { QueryClientProvider } from '@tanstack/react-query'
import { act, render, screen, within } from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, beforeEach, expect, it, vi } from 'vitest'
import type { LineageTotal } from '@/catalog/credits-contract'
import { catalogV1 } from '@/catalog/models-v1'
import { creditsHandlers } from '@/mocks/credits-handlers'
import type { RenderRecord } from '@/features/renders/render-record'
import { rendersQuery } from '@/features/renders/renders-cache'
import { createQueryClient } from '@/lib/query-client'
import { fakeMedia } from '@/test/fake-media'
import { lineageTotalQuery } from '@/features/renders/lineage-total-query'
import Viewer from './viewer'

// The viewer's Re-run says what it would spend: estimates as a fresh demo studio answers them. Its comments
// are tested in features/review: here a take has none.
const server = setupServer(
  ...creditsHandlers(catalogV1).handlers,
  http.get('*/api/renders/:id/comments', () => HttpResponse.json({ comments: [] })),
)
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
beforeEach(() => void fakeMedia())
afterEach(() => server.resetHandlers())
afterAll(() => server.close())

const take: RenderRecord = {
  localId: 'render-1',
  idempotencyKey: 'key-1',
  requestId: 'req_1',
  input: {
    model: 'wan27video',
    prompt: 'A fox crossing fresh snow',
    duration: 5,
    image_url: 'https://cdn.example.com/fox.jpg',
    audio_url: '/demo/tone.mp3',
    seed: 42,
  },
  status: 'succeeded',
  createdAtMs: 1_000,
  startedAtMs: 4_000,
  completedAtMs: 45_000,
  updatedAtMs: 45_000,
  billableCredits: 96,
  output: { video_url: '/demo/lava-16x9-4s.mp4', duration: 4, aspect_ratio: '16:9' },
  favourite: false,
  stale: false,
  synced: true,
  author: 'Ana',
  authorVerified: false,
}

function openViewer(record: RenderRecord, lineage: LineageTotal | 404) {
  server.use(
    http.get('*/api/renders/:id/lineage-total', ({ params }) =>
      lineage === 404 || params.id !== record.localId
        ? HttpResponse.json({ error: { code: 'not_found', message: 'No such render' } }, { status: 404 })
        : HttpResponse.json(lineage),
    ),
  )
  const client = createQueryClient()
  client.setQueryData(rendersQuery.queryKey, [record])
  render(
    <QueryClientProvider client={client}>
      <Viewer
        localId={record.localId}
        catalog={catalogV1}
        onClose={vi.fn()}
        onRemix={vi.fn()}
        onLineage={vi.fn()}
        onShare={vi.fn()}
      />
    </QueryClientProvider>,
  )
  return { viewer: screen.getByRole('dialog', { name: record.input.prompt }), client }
}

const row = (section: HTMLElement, label: string) => within(section).getByText(label).nextElementSibling

it('shows what the take cost, how long it queued and rendered, who made it, and what its lineage cost', async () => {
  const { viewer } = openViewer(take, { id: 'render-1', renders: 4, credits: 412, unfinished: 1 })
  const numbers = within(viewer).getByRole('region', { name: 'Cost and time' })
  expect(row(numbers, 'Credits')).toHaveTextContent('96 credits')
  expect(row(numbers, 'Queue time')).toHaveTextContent('3 s')
  expect(row(numbers, 'Render time')).toHaveTextContent('41 s')
  expect(row(numbers, 'Made by')).toHaveTextContent('Ana (self-declared)')
  expect(
    await within(numbers).findByText(
      'This take and the 3 takes made from it: 412 credits (1 not finished yet, so its credits may still change)',
    ),
  ).toBeInTheDocument()
  // Before its metadata, the player already shows the take's real length.
  expect(within(viewer).getByText('0:00.00 / 0:04.00')).toBeInTheDocument()
  // Re-run says what it would spend, from the demo price list (Wan 2.7, 5 s).
  expect(await within(viewer).findByRole('button', { name: /^Re-run · ≈ \d+ credits$/ })).toBeInTheDocument()
})

it('says the credits are not known yet, and shows no lineage line the ledger cannot give', async () => {
  const unbilled = { ...take, status: 'processing', billableCredits: null, completedAtMs: null, author: undefined }
  const { viewer, client } = openViewer(unbilled, 404)
  const numbers = within(viewer).getByRole('region', { name: 'Cost and time' })
  expect(row(numbers, 'Credits')).toHaveTextContent('not known yet')
  expect(row(numbers, 'Render time')).toHaveTextContent('still rendering')
  expect(within(numbers).queryByText('Made by')).not.toBeInTheDocument()
  await vi.waitFor(() => expect(client.getQueryState(lineageTotalQuery(take.localId).queryKey)?.status).toBe('error'))
  expect(within(numbers).queryByText(/This take and/)).not.toBeInTheDocument()
})

it('lists every input field, with media as thumbnails that open the file', () => {
  const { viewer } = openViewer(take, { id: 'render-1', renders: 1, credits: 96, unfinished: 0 })
  const input = within(viewer).getByRole('region', { name: 'Input' })
  const fields: [string, string][] = [
    ['Model', 'Wan 2.7'],
    ['Prompt', 'A fox crossing fresh snow'],
    ['Duration', '5 s'],
    ['Seed', '42'],
  ]
  for (const [label, value] of fields) expect(row(input, label)).toHaveTextContent(value)
  const image = within(input).getByRole('link', { name: 'First frame: fox.jpg' })
  expect(image).toHaveAttribute('href', 'https://cdn.example.com/fox.jpg')
  expect(image.querySelector('img')).toHaveAttribute('src', 'https://cdn.example.com/fox.jpg')
  expect(within(input).getByRole('link', { name: 'Audio: tone.mp3' })).toHaveAttribute('href', '/demo/tone.mp3')
})

it('never links an address that is not the web or this studio', () => {
  const { viewer } = openViewer(
    { ...take, input: { ...take.input, image_url: 'javascript:alert(1)' } },
    { id: 'render-1', renders: 1, credits: 96, unfinished: 0 },
  )
  const input = within(viewer).getByRole('region', { name: 'Input' })
  expect(within(input).queryByRole('link', { name: /First frame/ })).not.toBeInTheDocument()
  expect(row(input, 'First frame')).toHaveTextContent('javascript:alert(1)')
})

it('keeps playing what it opened when the studio’s kept copy of the take arrives meanwhile', async () => {
  const { viewer, client } = openViewer({ ...take, keptVideoUrl: undefined }, 404)
  const video = within(viewer).getByLabelText('Render video') as HTMLVideoElement
  expect(video.getAttribute('src')).toBe('/demo/lava-16x9-4s.mp4')
  // react-query tells its observers a moment later: the viewer renders the new record inside this act.
  await act(async () => {
    client.setQueryData(rendersQuery.queryKey, [{ ...take, keptVideoUrl: '/media/abc.mp4' }])
    await new Promise((resolve) => setTimeout(resolve, 20))
  })
  expect(within(viewer).getByLabelText('Render video').getAttribute('src')).toBe('/demo/lava-16x9-4s.mp4')
})
