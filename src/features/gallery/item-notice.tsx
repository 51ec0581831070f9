import { formatElapsed } from '@/components/elapsed'
import { isUnfinished, isWaiting, keepNotice, type RenderRecord } from '@/features/renders/render-record'
import { OFFLINE_REASON } from '@/features/renders/send-with-retries'
import type { ItemActions } from './gallery-item'
import { ItemProgress } from './item-progress'

const linkClass = 'font-medium underline'
const stripClass = 'absolute inset-x-0 bottom-0 flex flex-col gap-1 bg-ink-950/85 px-2 py-1.5 text-xs'

/** When a render not accepted yet is sent again, or why it is not on a timer. */
function nextTry(record: RenderRecord, now: number): string | undefined {
  if (record.retryAtMs !== undefined) {
    const left = record.retryAtMs - now
    return left > 500 ? `retrying in ${formatElapsed(left)}` : 'retrying now…'
  }
  return undefined
}

/**
 * Over the bottom of the media: where a render stands when it has no take to show (on its way, waiting, stale,
 * failed), or why its take plays from Cannon's link. Never a silent failure.
 */
export function ItemNotice({ record, now, actions }: { record: RenderRecord; now: number; actions: ItemActions }) {
  if (record.status === 'failed') {
    return (
      <div className={stripClass}>
        <p className="line-clamp-2 text-red-300" title={record.errorMessage ?? undefined}>
          {record.errorMessage ?? 'Cannon gave no reason.'}
        </p>
      </div>
    )
  }
  if (isWaiting(record)) {
    const retry = nextTry(record, now)
    return (
      <div className={stripClass}>
        <p className="line-clamp-2 text-amber-300" title={record.submitError}>
          {retry || record.submitError === OFFLINE_REASON ? (
            <>
              {record.submitError}
              {retry && <span className="whitespace-nowrap text-amber-100">{` · ${retry}`}</span>}
            </>
          ) : (
            <>
              <button type="button" className={linkClass} onClick={() => actions.sendAgain(record)}>
                Send again
              </button>{' '}
              Not sent yet: {record.submitError}
            </>
          )}
        </p>
      </div>
    )
  }
  if (record.stale && isUnfinished(record)) {
    return (
      <div className={stripClass}>
        <p className="line-clamp-2 text-amber-300">
          <button type="button" className={linkClass} onClick={() => actions.checkAgain(record)}>
            Check again
          </button>{' '}
          No answer after {formatElapsed(now - record.createdAtMs)}.
        </p>
      </div>
    )
  }
  if (isUnfinished(record)) {
    return (
      <div className={stripClass}>
        <ItemProgress record={record} now={now} />
      </div>
    )
  }
  const notKept = keepNotice(record)
  if (!notKept) return null
  return (
    <div className={stripClass}>
      <p className="line-clamp-2 text-amber-300" title={notKept}>
        {notKept}
      </p>
    </div>
  )
}
