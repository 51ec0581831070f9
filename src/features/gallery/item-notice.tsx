import { formatElapsed } from '@/components/elapsed'
import { isUnfinished, keepNotice, type RenderRecord } from '@/features/renders/render-record'
import type { ItemActions } from './gallery-item'

function elapsedOf(record: RenderRecord, now: number): number {
  return (record.completedAtMs ?? (isUnfinished(record) ? now : record.updatedAtMs)) - record.createdAtMs
}

const linkClass = 'font-medium underline'

/** One line about time, or what went wrong and what to do about it: never a silent failure. */
export function ItemNotice({ record, now, actions }: { record: RenderRecord; now: number; actions: ItemActions }) {
  const unfinished = isUnfinished(record)
  const elapsed = formatElapsed(elapsedOf(record, now))
  if (record.status === 'failed') {
    return (
      <p className="line-clamp-2 text-xs text-red-300" title={record.errorMessage ?? undefined}>
        {record.errorMessage ?? 'Cannon gave no reason.'}
      </p>
    )
  }
  if (record.status === 'submitting' && record.submitError) {
    return (
      <p className="line-clamp-2 text-xs text-amber-300" title={record.submitError}>
        <button type="button" className={linkClass} onClick={() => actions.sendAgain(record)}>
          Send again
        </button>{' '}
        Not sent yet: {record.submitError}
      </p>
    )
  }
  if (record.stale && unfinished) {
    return (
      <p className="line-clamp-2 text-xs text-amber-300">
        <button type="button" className={linkClass} onClick={() => actions.checkAgain(record)}>
          Check again
        </button>{' '}
        No answer after {elapsed}.
      </p>
    )
  }
  const notKept = keepNotice(record)
  if (notKept) {
    return (
      <p className="line-clamp-2 text-xs text-amber-300" title={notKept}>
        {elapsed} · {notKept}
      </p>
    )
  }
  return (
    <p className="text-xs text-ink-400">
      {elapsed}
      {unfinished && record.pollError && (
        <span className="text-amber-300" title={record.pollError}>
          {' · Reconnecting'}
        </span>
      )}
    </p>
  )
}
