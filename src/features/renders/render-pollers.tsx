import { useQuery } from '@tanstack/react-query'
import { useEffect, useRef } from 'react'
import { needsPolling, type AcceptedRender } from './render-record'
import { renderPollQuery } from './render-poll-query'
import { rendersQuery } from './renders-cache'
import { useSubmitRender } from './use-submit-render'
import { version1UploadQuery } from './version1-upload'

function RenderPoller({ record }: { record: AcceptedRender }) {
  useQuery(renderPollQuery(record))
  return null
}

/**
 * Sends again, once per page load, every submission of this browser a reload interrupted before its 202. One
 * the ledger lists is the server's to send again (its sweeper does), whichever browser made it.
 */
function useResumeInterruptedSubmissions() {
  // Not before the stored renders are read: a page of the ledger may have filled the list first.
  const { data: renders, isFetching } = useQuery(rendersQuery)
  const { send } = useSubmitRender()
  const resumed = useRef(false)
  useEffect(() => {
    if (!renders || isFetching || resumed.current) return
    resumed.current = true
    for (const record of renders) if (record.status === 'submitting' && !record.synced && !record.deleted) send(record)
  }, [renders, isFetching, send])
}

/**
 * The studio's work in the background: interrupted submissions sent again, this browser's local-only renders
 * uploaded to the ledger once, and one poller per accepted, unfinished, not stale render; a render drops out
 * of this list once it ends.
 */
export function RenderPollers() {
  useResumeInterruptedSubmissions()
  useQuery(version1UploadQuery)
  const { data: renders = [] } = useQuery(rendersQuery)
  return renders.filter(needsPolling).map((r) => <RenderPoller key={r.localId} record={r} />)
}
