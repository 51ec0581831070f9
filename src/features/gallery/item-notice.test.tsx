import { render, screen } from '@testing-library/react'
import { expect, it, vi } from 'vitest'
import { newRenderRecord } from '@/features/renders/use-submit-render'
import type { ItemActions } from './gallery-item'
import { ItemNotice } from './item-notice'

const actions = { checkAgain: vi.fn(), sendAgain: vi.fn() } as unknown as ItemActions
const take = {
  ...newRenderRecord({ model: 'grok', prompt: 'A fox' }),
  status: 'succeeded',
  output: { video_url: 'https://cdn.example.com/take.mp4' },
  keepError: 'The host did not answer',
}

it('says when a take plays from Cannon’s link because no copy could be kept', () => {
  const { rerender } = render(<ItemNotice record={take} now={take.createdAtMs} actions={actions} />)
  expect(screen.getByText(/No copy kept \(The host did not answer\)/)).toBeInTheDocument()
  rerender(<ItemNotice record={{ ...take, keptVideoUrl: '/media/a.mp4' }} now={take.createdAtMs} actions={actions} />)
  expect(screen.queryByText(/No copy kept/)).toBeNull()
})
