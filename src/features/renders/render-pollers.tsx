import { useQuery } from '@tanstack/react-query'
import { isUnfinished, type RenderRecord } from './render-record'
import { rendersQuery } from './renders-cache'
import { useRenderPoll } from './use-render-poll'

function RenderPoller({ record }: { record: RenderRecord & { requestId: string } }) {
  useRenderPoll(record)
  return null
}

/** One poller per accepted, unfinished render; a render drops out of this list once it ends. */
export function RenderPollers() {
  const { data: renders = [] } = useQuery(rendersQuery)
  return renders
    .filter((r): r is RenderRecord & { requestId: string } => isUnfinished(r) && r.requestId !== undefined)
    .map((r) => <RenderPoller key={r.localId} record={r} />)
}
