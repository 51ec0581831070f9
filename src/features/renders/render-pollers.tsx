import { useQuery } from '@tanstack/react-query'
import { useEffect, useRef } from 'react'
import { needsPolling, type AcceptedRender } from './render-record'
import { renderPollQuery } from './render-poll-query'
import { rendersQuery } from './renders-cache'
import { useSubmitRender } from './use-submit-render'

function RenderPoller({ record }: { record: AcceptedRender }) {
  useQuery(renderPollQuery(record))
  return null
}

/** Sends again, once per page load, every submission a reload interrupted before its 202. */
function useResumeInterruptedSubmissions() {
  const { data: renders } = useQuery(rendersQuery)
  const { send } = useSubmitRender()
  const resumed = useRef(false)
  useEffect(() => {
    if (!renders || resumed.current) return
    resumed.current = true
    for (const record of renders) if (record.status === 'submitting') send(record)
  }, [renders, send])
}

/** One poller per accepted, unfinished, not stale render; a render drops out of this list once it ends. */
export function RenderPollers() {
  useResumeInterruptedSubmissions()
  const { data: renders = [] } = useQuery(rendersQuery)
  return renders.filter(needsPolling).map((r) => <RenderPoller key={r.localId} record={r} />)
}
