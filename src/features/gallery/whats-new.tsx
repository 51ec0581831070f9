import { useQuery } from '@tanstack/react-query'
import { useEffect, useState } from 'react'
import { formatClipTime } from '@/components/format-time'
import type { RenderRecord } from '@/features/renders/render-record'
import { ledgerClient } from '@/lib/ledger-client'
import { markLooked, readLastLooked } from './last-looked'

interface WhatsNewProps {
  renders: readonly RenderRecord[]
  modelName: (id: string) => string
  onOpen: (record: RenderRecord) => void
}

const when = (ms: number) => new Date(ms).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' })

/** Read once per visit; a first visit starts the count from now. */
function useLastLooked(): number | undefined {
  const [since] = useState(() => {
    const last = readLastLooked()
    if (last === undefined) markLooked()
    return last
  })
  useEffect(() => {
    const leave = () => {
      if (document.visibilityState === 'hidden') markLooked()
    }
    document.addEventListener('visibilitychange', leave)
    window.addEventListener('pagehide', leave)
    return () => {
      document.removeEventListener('visibilitychange', leave)
      window.removeEventListener('pagehide', leave)
    }
  }, [])
  return since
}

/**
 * "Since you last looked": the takes that finished (or failed) and the comments others wrote while this person was
 * away, newest first.
 */
export function WhatsNew({ renders, modelName, onOpen }: WhatsNewProps) {
  const since = useLastLooked()
  const [dismissed, setDismissed] = useState(false)
  const news = useQuery({
    queryKey: ['news', since],
    queryFn: () => ledgerClient.news(since!),
    enabled: since !== undefined,
    staleTime: Infinity,
  })
  if (dismissed || !news.data || (news.data.finished === 0 && news.data.comments === 0)) return null
  const { finished, failed, latest, comments, latestComments } = news.data
  const succeeded = finished - failed
  const summary = [
    succeeded > 0 && `${succeeded} ${succeeded === 1 ? 'take' : 'takes'} finished`,
    failed > 0 && `${failed} failed`,
    comments > 0 && `${comments} ${comments === 1 ? 'comment' : 'comments'}`,
  ].filter(Boolean)
  const recordOf = (id: string) => renders.find((r) => r.localId === id)
  return (
    <section
      aria-label="What is new"
      className="flex flex-col gap-2 rounded-lg border border-accent-500/40 bg-ink-900 px-3 py-2 text-sm"
    >
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="text-ink-100">{`Since you last looked (${when(news.data.sinceMs)}): ${summary.join(', ')}`}</p>
        <button
          type="button"
          onClick={() => {
            markLooked()
            setDismissed(true)
          }}
          className="rounded-md px-2 py-1 text-ink-300 hover:bg-ink-800 hover:text-ink-100"
        >
          Got it
        </button>
      </div>
      <ul className="flex flex-col gap-1">
        {latest.map((take) => {
          const label = `${modelName(take.model)} · ${take.prompt}`
          return (
            <li key={take.id} className="flex items-center gap-2 text-ink-300">
              <span className={take.status === 'failed' ? 'text-red-300' : 'text-emerald-300'}>
                {take.status === 'failed' ? 'Failed' : 'New'}
              </span>
              <OpenTake record={recordOf(take.id)} label={label} onOpen={onOpen} />
            </li>
          )
        })}
        {latestComments.map((comment) => (
          <li key={comment.id} className="flex items-center gap-2 text-ink-300">
            <span className="shrink-0 text-accent-300">Comment</span>
            <OpenTake
              record={recordOf(comment.renderId)}
              label={`${comment.author ?? 'Someone'} at ${formatClipTime(comment.atMs / 1000)} on “${comment.prompt}”: ${comment.text}`}
              onOpen={onOpen}
            />
          </li>
        ))}
      </ul>
    </section>
  )
}

/** A take named in the notice: a button that opens it when it is loaded here, else just its name. */
function OpenTake({
  record,
  label,
  onOpen,
}: {
  record?: RenderRecord
  label: string
  onOpen: WhatsNewProps['onOpen']
}) {
  if (!record) return <span className="truncate">{label}</span>
  return (
    <button
      type="button"
      onClick={() => onOpen(record)}
      className="truncate text-left hover:text-ink-100 hover:underline"
    >
      {label}
    </button>
  )
}
