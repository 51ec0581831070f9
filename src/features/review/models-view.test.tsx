import { QueryClientProvider } from '@tanstack/react-query'
import { render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest'
import { catalogV1 } from '@/catalog/models-v1'
import { studioHandlers } from '@/mocks/handlers'
import { createQueryClient } from '@/lib/query-client'
import ModelsView from './models-view'

const { ledger, handlers } = studioHandlers()
const server = setupServer(...handlers)
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => server.resetHandlers())
afterAll(() => server.close())

const take = (i: number, model: string, rating: 'pick' | 'reject' | null, extra: object = {}) =>
  ledger.put({
    id: `t${i}`,
    idempotencyKey: `k${i}`,
    input: { model, prompt: `shot ${i}`, duration: 6 },
    status: 'succeeded',
    createdAtMs: 1_000,
    completedAtMs: 31_000,
    billableCredits: 30,
    output: { video_url: `/demo/${i}.mp4`, duration: 6 },
    rating,
    ...extra,
  })

it('shows each model’s picks, rejects, failures and cost per pick, with a chart and by mode and duration', async () => {
  take(1, 'grok', 'pick')
  take(2, 'grok', 'reject')
  take(3, 'grok', null, { status: 'failed', output: null, billableCredits: 0 })
  take(4, 'veo31', 'pick', { input: { model: 'veo31', prompt: 'p', duration: 8 } })
  render(
    <QueryClientProvider client={createQueryClient()}>
      <ModelsView catalog={catalogV1} />
    </QueryClientProvider>,
  )
  const view = screen.getByRole('region', { name: 'Models' })
  const byModel = await within(view).findByRole('table', { name: 'By model' })
  const grok = within(byModel).getByRole('row', { name: /^Grok/ })
  // Renders, picks, rejects, flagged, failed (share), median render, credits per pick, per picked second.
  expect(
    within(grok)
      .getAllByRole('cell')
      .map((c) => c.textContent),
  ).toEqual(['3', '1', '1', '0', '33% (1)', '30 s', '60', '10'])
  expect(within(view).getByRole('img')).toHaveAccessibleName(/Grok 1 picked of 2; Veo 3.1 1 picked of 1/)
  const detail = within(view).getByRole('table', { name: 'By mode and duration' })
  expect(within(detail).getByRole('row', { name: /^Veo 3.1 · Text · 8 s/ })).toBeInTheDocument()
  await userEvent.click(within(view).getByRole('button', { name: 'Last 30 days' }))
  expect(within(view).getByRole('button', { name: 'Last 30 days' })).toHaveAttribute('aria-pressed', 'true')
})
