import { QueryClientProvider } from '@tanstack/react-query'
import { render } from '@testing-library/react'
import { catalogV1 } from '@/catalog/models-v1'
import type { VideoInput } from '@/catalog/request-schema'
import { createQueryClient } from '@/lib/query-client'
import { Composer } from './composer'

type Remix = { input: VideoInput; key: string }

/**
 * For tests: the composer in demo mode with the v1 catalog, recording what it submits; `hold` keeps each send
 * open until it resolves (a slow network).
 */
export function renderComposer(remix?: Remix, options: { hold?: () => Promise<void> } = {}) {
  const sent: VideoInput[] = []
  const onSubmit = async (input: VideoInput) => {
    sent.push(input)
    await options.hold?.()
  }
  const client = createQueryClient()
  const ui = (r?: Remix) => (
    <QueryClientProvider client={client}>
      <Composer catalog={catalogV1} demoMode onSubmit={onSubmit} remix={r} />
    </QueryClientProvider>
  )
  const view = render(ui(remix))
  return { sent, rerender: (r?: Remix) => view.rerender(ui(r)), unmount: view.unmount }
}
