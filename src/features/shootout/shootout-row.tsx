import type { Estimate } from '@/catalog/credits-contract'
import { EstimateLabel } from '@/components/estimate-label'
import type { ShootoutRow } from './shootout-plan'

function Mapping(props: { title: string; items: string[]; tone: string; separator?: string }) {
  const { title, items, tone, separator = ', ' } = props
  if (items.length === 0) return null
  return (
    <p className={`text-xs ${tone}`}>
      <span className="font-medium">{title}: </span>
      {items.join(separator)}
    </p>
  )
}

/** What one model of a shoot-out gets: kept, clamped and dropped values, its estimate, or why it cannot go. */
export function ShootoutMapping({ row, estimate }: { row: ShootoutRow; estimate: Estimate | undefined }) {
  return (
    <li aria-label={row.model.name} className="flex flex-col gap-1 rounded-lg border border-ink-700 p-2.5">
      <div className="flex items-baseline justify-between gap-2">
        <span className="text-sm font-medium text-ink-200">{row.model.name}</span>
        {!row.problem && <EstimateLabel estimate={estimate} />}
      </div>
      {row.problem ? (
        <p className="text-xs text-red-300">{`Not sent: ${row.problem}`}</p>
      ) : (
        <>
          <Mapping title="Kept" items={row.kept} tone="text-ink-400" />
          <Mapping title="Changed" items={row.changed} tone="text-amber-200" separator="; " />
          <Mapping
            title={`Dropped (${row.model.name} has no place for it)`}
            items={row.dropped}
            tone="text-amber-300"
          />
          {row.kept.length + row.changed.length + row.dropped.length === 0 && (
            <p className="text-xs text-ink-400">The prompt only.</p>
          )}
        </>
      )}
    </li>
  )
}
