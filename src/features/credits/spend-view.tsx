import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import type { Catalog } from '@/catalog/catalog-schema'
import { Modal } from '@/components/modal'
import { creditsClient, type DayRange } from '@/lib/credits-client'
import { SpendChart } from './spend-chart'
import { dailyCredits, lastDays, thisMonth } from './spend-days'
import { SpendTable } from './spend-table'
import { readable } from '@/catalog/wording'

interface SpendViewProps {
  catalog: Catalog
  onClose: () => void
}

const PRESETS: { label: string; range: () => DayRange }[] = [
  { label: 'Last 7 days', range: () => lastDays(7) },
  { label: 'Last 30 days', range: () => lastDays(30) },
  { label: 'This month', range: () => thisMonth() },
]
const dateClass = 'rounded-lg border border-ink-600 bg-ink-950 px-2 py-1 text-sm text-ink-200'

/** The team's credits and renders by day, model and person over a range of UTC days, from the ledger. */
export default function SpendView({ catalog, onClose }: SpendViewProps) {
  const [range, setRange] = useState(() => lastDays(30))
  const valid = range.from !== '' && range.to !== '' && range.from <= range.to
  const spend = useQuery({
    queryKey: ['spend', range],
    queryFn: ({ signal }) => creditsClient.spend(range, signal),
    enabled: valid,
    placeholderData: keepPreviousData,
  })
  const modelName = (id: string | null) => catalog.models.find((m) => m.id === id)?.name ?? id ?? 'Unknown model'
  const data = spend.data
  const total = data?.total

  return (
    <Modal label="Spend" onClose={onClose}>
      <div className="flex flex-wrap items-end gap-3">
        <label className="flex flex-col gap-1 text-xs text-ink-400">
          From (UTC)
          <input
            type="date"
            value={range.from}
            max={range.to}
            onChange={(e) => setRange({ ...range, from: e.target.value })}
            className={dateClass}
          />
        </label>
        <label className="flex flex-col gap-1 text-xs text-ink-400">
          To (UTC)
          <input
            type="date"
            value={range.to}
            min={range.from}
            onChange={(e) => setRange({ ...range, to: e.target.value })}
            className={dateClass}
          />
        </label>
        {PRESETS.map((preset) => (
          <button
            key={preset.label}
            type="button"
            onClick={() => setRange(preset.range())}
            className="rounded-lg border border-ink-600 px-3 py-1.5 text-sm text-ink-200 hover:border-ink-400"
          >
            {preset.label}
          </button>
        ))}
        {valid && (
          <a
            href={creditsClient.spendCsvUrl(range)}
            download
            className="ml-auto rounded-lg border border-ink-600 px-3 py-1.5 text-sm text-ink-200 hover:border-ink-400"
          >
            Download CSV
          </a>
        )}
      </div>
      {!valid && <p role="alert">Pick a start day on or before the end day.</p>}
      {spend.isError && <p role="alert">The spend could not be loaded: {spend.error.message}</p>}
      {total && data && (
        <>
          <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4" aria-label="Totals">
            {[
              ['Credits', total.credits],
              ['Renders', total.renders],
              ['Succeeded (credits)', total.succeededCredits],
              ['Failed (credits)', total.failedCredits],
            ].map(([label, value]) => (
              <div key={label} className="rounded-lg border border-ink-700 p-3">
                <dt className="text-xs text-ink-400">{label}</dt>
                <dd className="text-xl font-semibold text-ink-200 tabular-nums">{readable(value!)}</dd>
              </div>
            ))}
          </dl>
          <SpendChart days={dailyCredits(data, data.byDay)} />
          <div className="grid gap-6 lg:grid-cols-2">
            <SpendTable caption="By model" rows={data.byModel} label={modelName} />
            <SpendTable caption="By person" rows={data.byAuthor} label={(key) => key ?? 'Nobody named'} />
          </div>
          <SpendTable caption="By day" rows={[...data.byDay].reverse()} label={(key) => key ?? ''} />
          <p className="text-xs text-ink-400">
            Credits are Cannon's bills (billableCredits) of renders created in the range; a render with no bill yet
            counts 0. Failed renders count what Cannon billed for them.
          </p>
        </>
      )}
    </Modal>
  )
}
