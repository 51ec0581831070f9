import { StatusBadge } from '@/components/status-badge'
import { isUnfinished, statusWord, type RenderRecord } from '@/features/renders/render-record'
import { readable } from '@/catalog/wording'

interface ShootoutReportProps {
  records: RenderRecord[]
  modelName: (id: string) => string
  /** The estimate of the whole shoot-out before it was sent, when every model had one. */
  estimated: number | null
}

const credits = (n: number) => `${readable(n)} credits`

/** The shoot-out once sent: each model's render as it goes (a refusal with its reason), and what it all cost. */
export function ShootoutReport({ records, modelName, estimated }: ShootoutReportProps) {
  const billed = records.reduce((sum, r) => sum + (r.billableCredits ?? 0), 0)
  const running = records.filter(isUnfinished).length
  const succeeded = records.filter((r) => r.status === 'succeeded').length
  return (
    <section aria-label="Shoot-out report" className="flex flex-col gap-2">
      <ul className="flex flex-col gap-1.5">
        {records.map((record) => (
          <li
            key={record.localId}
            aria-label={modelName(record.input.model)}
            className="flex flex-wrap items-center gap-x-3 gap-y-1 rounded-lg border border-ink-700 px-2.5 py-2"
          >
            <span className="min-w-32 text-sm font-medium text-ink-200">{modelName(record.input.model)}</span>
            <StatusBadge word={statusWord(record)} />
            <span className="text-xs text-ink-400">
              {typeof record.billableCredits === 'number' ? credits(record.billableCredits) : '— credits'}
            </span>
            {record.status === 'failed' && record.errorMessage && (
              <p className="w-full text-xs text-red-300">{record.errorMessage}</p>
            )}
            {record.submitError && <p className="w-full text-xs text-amber-300">{record.submitError}</p>}
          </li>
        ))}
      </ul>
      <p role="status" className="text-sm text-ink-200">
        {`Total ${credits(billed)}${running ? ` so far, ${running} still rendering` : ''}`}
        {estimated !== null && <span className="text-ink-400">{` (estimated ≈ ${credits(estimated)})`}</span>}
      </p>
      {running === 0 && succeeded < 2 && (
        <p className="text-sm text-amber-300">
          {`Compare needs two finished takes; ${succeeded === 1 ? 'one' : 'none'} succeeded.`}
        </p>
      )}
    </section>
  )
}
