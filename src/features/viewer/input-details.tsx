import type { Model } from '@/catalog/catalog-schema'
import { fieldLabel, formatInputValue } from '@/features/renders/input-fields'
import type { RenderRecord } from '@/features/renders/render-record'

/** Every field of the input the render was made with, as sent. */
export function InputDetails({ record, model }: { record: RenderRecord; model: Model | undefined }) {
  const entries = Object.entries(record.input).filter(([name]) => name !== 'model')
  return (
    <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
      <dt className="text-ink-400">Model</dt>
      <dd className="text-ink-200">{model?.name ?? record.input.model}</dd>
      {entries.map(([name, value]) => (
        <div key={name} className="contents">
          <dt className="text-ink-400">{fieldLabel(name)}</dt>
          <dd className="break-words whitespace-pre-wrap text-ink-200">{formatInputValue(value, model, name)}</dd>
        </div>
      ))}
      {record.billableCredits != null && (
        <>
          <dt className="text-ink-400">Credits</dt>
          <dd className="text-ink-200">{record.billableCredits}</dd>
        </>
      )}
      {record.requestId && (
        <>
          <dt className="text-ink-400">Request</dt>
          <dd className="font-mono text-xs text-ink-200">{record.requestId}</dd>
        </>
      )}
    </dl>
  )
}
