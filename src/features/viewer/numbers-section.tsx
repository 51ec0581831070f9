import { useQuery } from '@tanstack/react-query'
import type { RenderRecord } from '@/features/renders/render-record'
import { lineageTotalQuery } from '@/features/renders/lineage-total-query'
import { authorText, creditsText, lineageText, queueTimeText, renderTimeText } from './render-numbers'

/** What the render cost and how long it took, who made it, and what it and its descendants cost together. */
export function NumbersSection({ record }: { record: RenderRecord }) {
  const lineage = useQuery(lineageTotalQuery(record.localId))
  const author = authorText(record)
  const total = lineage.data && lineageText(lineage.data)
  const rows: [string, string][] = [
    ['Credits', creditsText(record)],
    ['Queue time', queueTimeText(record)],
    ['Render time', renderTimeText(record)],
  ]
  if (author) rows.push(['Made by', author])
  return (
    <section aria-label="Cost and time" className="flex flex-col gap-2">
      <h3 className="text-xs font-semibold tracking-wide text-ink-400 uppercase">Cost and time</h3>
      <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
        {rows.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="text-ink-400">{label}</dt>
            <dd className="text-ink-200 tabular-nums">{value}</dd>
          </div>
        ))}
        {record.requestId && (
          <>
            <dt className="text-ink-400">Request</dt>
            <dd className="font-mono text-xs break-all text-ink-200">{record.requestId}</dd>
          </>
        )}
      </dl>
      {total && <p className="text-sm text-ink-200">{total}</p>}
    </section>
  )
}
