import { QueryClientProvider } from '@tanstack/react-query'
import { act, fireEvent, render, screen } from '@testing-library/react'
import { expect, it, vi } from 'vitest'
import { catalogV1 } from '@/catalog/models-v1'
import type { RenderRecord } from '@/features/renders/render-record'
import { rendersQuery } from '@/features/renders/renders-cache'
import { createQueryClient } from '@/lib/query-client'
import { fakeMedia } from '@/test/fake-media'
import Compare from './compare'

const take = (i: number): RenderRecord => ({
  localId: `take-${i}`,
  idempotencyKey: `key-${i}`,
  input: { model: 'seedance2', prompt: 'A fox crossing fresh snow', seed: i },
  status: 'succeeded',
  createdAtMs: 1_000,
  updatedAtMs: 9_000,
  output: { video_url: '/demo/lava-16x9-4s.mp4', duration: 4 },
  favourite: false,
  stale: false,
})

it('plays, pauses and steps every compared take together from the keyboard, showing the same frame paused', () => {
  const media = fakeMedia()
  const onShare = vi.fn()
  const client = createQueryClient()
  client.setQueryData(rendersQuery.queryKey, [take(1), take(2)])
  render(
    <QueryClientProvider client={client}>
      <Compare localIds={['take-1', 'take-2']} catalog={catalogV1} onClose={vi.fn()} onShare={onShare} />
    </QueryClientProvider>,
  )
  const dialog = screen.getByRole('dialog', { name: 'Compare' })
  const [lead, follower] = [1, 2].map((i) => screen.getByLabelText<HTMLVideoElement>(`Compare video ${i}`))
  const press = (key: string) => act(() => void fireEvent.keyDown(dialog, { key }))
  expect(screen.getByText('0:00.00 / 0:04.00')).toBeInTheDocument()

  press(' ')
  expect([media.state(lead!).paused, media.state(follower!).paused]).toEqual([false, false])
  act(() => void (media.state(follower!).time = 0.05)) // the follower drifts a little while both play
  press('l')
  press('.')
  expect([media.state(lead!).paused, media.state(follower!).paused]).toEqual([true, true])
  expect(media.state(lead!).time).toBeCloseTo(25.5 / 24)
  expect(media.state(follower!).time).toBe(media.state(lead!).time)
})

it('shares the compared takes side by side as one review link', () => {
  const client = createQueryClient()
  client.setQueryData(rendersQuery.queryKey, [take(1), take(2), { ...take(3), status: 'failed' }])
  const onShare = vi.fn()
  const { rerender } = render(
    <QueryClientProvider client={client}>
      <Compare localIds={['take-1', 'take-2']} catalog={catalogV1} onClose={vi.fn()} onShare={onShare} />
    </QueryClientProvider>,
  )
  fireEvent.click(screen.getByRole('button', { name: 'Share' }))
  expect(onShare).toHaveBeenCalledWith(['take-1', 'take-2'])
  // A take that did not finish cannot be shared.
  rerender(
    <QueryClientProvider client={client}>
      <Compare localIds={['take-1', 'take-3']} catalog={catalogV1} onClose={vi.fn()} onShare={onShare} />
    </QueryClientProvider>,
  )
  expect(screen.queryByRole('button', { name: 'Share' })).toBeNull()
})
