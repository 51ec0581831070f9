import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { fireEvent, render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import type { ReactNode } from 'react'
import { expect, it, vi } from 'vitest'
import type { RenderRecord } from '@/features/renders/render-record'
import { newRenderRecord } from '@/features/renders/use-submit-render'
import { CARD_SIZES } from './card-size'
import { renderTimingQuery } from './gallery-queries'
import { GalleryItem, type ItemActions, type TilePlacement } from './gallery-item'
import { galleryTiles } from './gallery-tiles'
import { GroupCard } from './group-card'

const placement: TilePlacement = {
  index: 0,
  setSize: 1,
  focusable: true,
  x: 0,
  y: 0,
  width: 300,
  height: 320,
  mediaHeight: 150,
  size: CARD_SIZES.M,
  onKeyDown: () => {},
  onFocus: () => {},
}
const actions: ItemActions = {
  open: vi.fn(),
  rerun: vi.fn(),
  variations: vi.fn(),
  remix: vi.fn(),
  lineage: vi.fn(),
  addToSequence: vi.fn(),
  shareGroup: vi.fn(),
  favourite: vi.fn(),
  rate: vi.fn(),
  remove: vi.fn(),
  checkAgain: vi.fn(),
  sendAgain: vi.fn(),
  toggleSelected: vi.fn(),
  hover: vi.fn(),
}
const MADE = Date.now() - 3 * 60_000

function take(extra: Partial<RenderRecord> = {}): RenderRecord {
  return {
    ...newRenderRecord({
      model: 'grok',
      prompt: 'Night market in Tokyo',
      duration: 6,
      aspect_ratio: '9:16',
      resolution: '720p',
      seed: 42,
    }),
    createdAtMs: MADE,
    status: 'succeeded',
    completedAtMs: MADE + 41_000,
    billableCredits: 120,
    output: { video_url: '/demo/lava-9x16-6s.mp4', duration: 6, aspect_ratio: '9:16' },
    author: 'Ana',
    authorVerified: false,
    synced: true,
    ...extra,
  }
}

function show(children: ReactNode, client = new QueryClient()) {
  return render(
    <QueryClientProvider client={client}>
      <ul>{children}</ul>
    </QueryClientProvider>,
  )
}

const item = (record: RenderRecord) => (
  <GalleryItem
    record={record}
    placement={placement}
    modelName="Grok"
    previewing={false}
    selected={undefined}
    canSelectMore
    inGroup={false}
    actions={actions}
  />
)

it('shows what tells a take apart: model, length, ratio, resolution, seed, when, cost, render time and author', () => {
  show(item(take()))
  const card = screen.getByRole('listitem')
  for (const text of ['Grok', '6 s', '9:16', '720p', 'seed 42', '3 min ago', '120 credits', 'rendered in 41 s'])
    expect(within(card).getByText(text)).toBeVisible()
  expect(within(card).getByText('by Ana')).toHaveAttribute('title', 'Ana (self-declared: the name their browser gave)')
  expect(within(card).getByText('rendered in 41 s')).toHaveAttribute('title', expect.stringMatching(/Render time/))
  expect(within(card).getByText('Succeeded')).toBeVisible()
})

it('says "— credits" until the bill is known, and names a verified author without "self-declared"', () => {
  show(item(take({ billableCredits: null, authorVerified: true })))
  expect(screen.getByText('— credits')).toHaveAttribute('title', 'Not billed yet')
  expect(screen.getByText('by Ana')).toHaveAttribute('title', 'Ana (signed in with their own token)')
})

it('offers the actions as icon buttons, each with a name read out and shown on hover', async () => {
  const user = userEvent.setup()
  const record = take()
  show(item(record))
  for (const name of ['Re-run', 'Variations', 'Remix', 'Lineage', 'Favourite', 'Delete']) {
    expect(screen.getByRole('button', { name })).toHaveAttribute('title', expect.stringContaining(name))
  }
  expect(screen.getByRole('link', { name: 'Download' })).toHaveAttribute('title', 'Download')
  await user.click(screen.getByRole('button', { name: 'Variations' }))
  expect(actions.variations).toHaveBeenCalledWith(record)
})

// A re-run lands in the grid at once and moves the takes along: the second click of a double click can fall on
// another take's Re-run, which would spend credits on a render nobody asked for.
it('takes the second click of a double click on Re-run for part of the first, on whichever take it lands', () => {
  const record = take()
  show(item(record))
  fireEvent.click(screen.getByRole('button', { name: 'Re-run' }), { detail: 2 })
  expect(actions.rerun).not.toHaveBeenCalled()
  fireEvent.click(screen.getByRole('button', { name: 'Re-run' }), { detail: 1 })
  expect(actions.rerun).toHaveBeenCalledWith(record)
})

it('shows a pending take’s progress with the time left as an estimate from past renders', () => {
  const client = new QueryClient()
  client.setQueryData(renderTimingQuery('grok', 6).queryKey, { medianMs: 40_000, samples: 5 })
  const now = Date.now()
  show(
    item(take({ status: 'processing', createdAtMs: now - 20_000, billableCredits: null, completedAtMs: null })),
    client,
  )
  const bar = screen.getByRole('progressbar', { name: 'Render progress (estimate)' })
  expect(Number(bar.getAttribute('aria-valuenow'))).toBeGreaterThanOrEqual(49)
  expect(screen.getByText('about 20 s left (estimate)')).toBeVisible()
  expect(screen.getByText('Processing')).toBeVisible()
})

it('shows an indeterminate bar when no render like it has finished here yet', () => {
  const client = new QueryClient()
  client.setQueryData(renderTimingQuery('grok', 6).queryKey, { medianMs: null, samples: 0 })
  show(item(take({ status: 'queued', createdAtMs: Date.now() - 5_000, completedAtMs: null })), client)
  expect(screen.getByRole('progressbar')).not.toHaveAttribute('aria-valuenow')
  expect(screen.getByText('5 s so far', { selector: 'p' })).toBeVisible()
})

it('shows a create waiting out a 429 as Waiting, with its reason and a countdown, never Queued', () => {
  const record = take({
    status: 'submitting',
    completedAtMs: null,
    submitError: 'Too many renders started; try again in 30 s',
    retryAtMs: Date.now() + 29_500,
  })
  show(item(record))
  expect(screen.getByText('Waiting')).toBeVisible()
  expect(screen.queryByText('Queued')).toBeNull()
  expect(screen.getByText(/Too many renders started/)).toBeVisible()
  expect(screen.getByText(/retrying in (29|30) s/)).toBeVisible()
})

it('stacks re-runs and variations into one card with their total credits, which opens to show them', async () => {
  const user = userEvent.setup()
  const first = take({ localId: 'first-take', billableCredits: 100 })
  const rerun = take({ localId: 'rerun-take', parentId: 'first-take', relation: 'rerun', billableCredits: 120 })
  const variation = take({ localId: 'variation', parentId: 'first-take', relation: 'variation', billableCredits: null })
  const [tile] = galleryTiles([variation, rerun, first], new Set())
  if (tile?.kind !== 'group') throw new Error('expected a stack')
  const onToggle = vi.fn()
  show(
    <GroupCard
      tile={tile}
      placement={placement}
      modelName={() => 'Grok'}
      previewId={undefined}
      actions={actions}
      onToggle={onToggle}
    />,
  )
  const card = screen.getByRole('listitem', { name: 'Group of 3 takes: Night market in Tokyo' })
  expect(within(card).getByText('3 takes')).toBeVisible()
  expect(within(card).getByText('220 credits in all')).toHaveAttribute(
    'title',
    "The sum of Cannon's bills for the 3 takes shown here; 1 not billed yet",
  )
  const open = within(card).getByRole('button', { name: 'Open group' })
  expect(open).toHaveAttribute('aria-expanded', 'false')
  await user.click(open)
  expect(onToggle).toHaveBeenCalledWith('takes:first-take')
  // The family tree is one click away without opening the stack: it starts from the group's first take.
  await user.click(within(card).getByRole('button', { name: 'Lineage' }))
  expect(actions.lineage).toHaveBeenCalledWith(first)
})

it('shows a flagged take’s flags with their times, and marks Re-run as the thing to do', () => {
  const flags = [
    { kind: 'black' as const, atMs: 1125, detail: 'black for 1.5 s' },
    { kind: 'duration' as const, detail: '4.0 s long, asked for 6 s' },
    { kind: 'frozen' as const, atMs: 3000, detail: 'frozen for 1.3 s' },
  ]
  show(item(take({ keptVideoUrl: '/media/take.mp4', qualityFlags: flags, qualitySampler: 1 })))
  const chips = screen.getByRole('group', { name: 'Quality flags' })
  expect([...chips.children].map((chip) => chip.textContent)).toEqual(['Black 0:01.13', 'Length', '+1'])
  expect(chips).toHaveAttribute('title', expect.stringContaining('Frozen 0:03.00 (frozen for 1.3 s)'))
  expect(screen.getByRole('button', { name: 'Re-run' })).toHaveAccessibleDescription(
    expect.stringContaining('Black 0:01.13 (black for 1.5 s)'),
  )
})

it('shows no flags on a clean take, and rates a take with two toggle buttons', async () => {
  const user = userEvent.setup()
  const record = take({ keptVideoUrl: '/media/take.mp4', qualityFlags: [], rating: 'pick' })
  show(item(record))
  expect(screen.queryByRole('group', { name: 'Quality flags' })).toBeNull()
  expect(screen.getByRole('button', { name: 'Re-run' })).not.toHaveAttribute('aria-description')
  expect(screen.getByRole('button', { name: 'Pick' })).toHaveAttribute('aria-pressed', 'true')
  expect(screen.getByRole('button', { name: 'Reject' })).toHaveAttribute('aria-pressed', 'false')
  await user.click(screen.getByRole('button', { name: 'Reject' }))
  expect(actions.rate).toHaveBeenCalledWith(record, 'reject')
})
