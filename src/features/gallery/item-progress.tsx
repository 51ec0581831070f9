import { useQuery } from '@tanstack/react-query'
import type { RenderRecord } from '@/features/renders/render-record'
import { renderTimingQuery } from './gallery-queries'
import { progressEstimate } from './progress-estimate'

/**
 * A render on its way: a bar moved by how long this studio's renders of the same model and duration took (the
 * ledger's median; GET /api/renders/timing), said as an estimate; a pulsing bar when there is no such history.
 */
export function ItemProgress({ record, now }: { record: RenderRecord; now: number }) {
  const duration = typeof record.input.duration === 'number' ? record.input.duration : undefined
  const timing = useQuery(renderTimingQuery(record.input.model, duration))
  const { fraction, text } = progressEstimate(now - record.createdAtMs, timing.data?.medianMs)
  return (
    <>
      <div
        role="progressbar"
        aria-label="Render progress (estimate)"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={fraction === undefined ? undefined : Math.round(fraction * 100)}
        aria-valuetext={text}
        className="h-1.5 overflow-hidden rounded-full bg-ink-700"
      >
        {fraction === undefined ? (
          <div className="h-full w-full rounded-full bg-accent-500/70 motion-safe:animate-pulse" />
        ) : (
          <div
            className="h-full rounded-full bg-accent-400 transition-[width] duration-1000 ease-linear"
            style={{ width: `${Math.round(fraction * 1000) / 10}%` }}
          />
        )}
      </div>
      <p className="truncate text-ink-200">
        {text}
        {record.pollError && (
          <span className="text-amber-300" title={record.pollError}>
            {' · Reconnecting'}
          </span>
        )}
      </p>
    </>
  )
}
