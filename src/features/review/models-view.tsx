import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import type { Catalog } from '@/catalog/catalog-schema'
import type { ScorecardRow } from '@/catalog/review-contract'
import { lastDays } from '@/features/credits/spend-days'
import { reviewClient } from '@/lib/review-client'
import { ScorecardChart } from './scorecard-chart'
import { ScorecardTable } from './scorecard-table'

const RANGES: { label: string; range: () => { from?: string } }[] = [
  { label: 'All time', range: () => ({}) },
  { label: 'Last 90 days', range: () => ({ from: lastDays(90).from }) },
  { label: 'Last 30 days', range: () => ({ from: lastDays(30).from }) },
]

/** Which model wins for this team: renders, picks, rejects, flags, failures and cost per pick, from the ledger. */
export default function ModelsView({ catalog }: { catalog: Catalog }) {
  const [chosen, setChosen] = useState(RANGES[0]!.label)
  const range = RANGES.find((r) => r.label === chosen)!.range()
  const scorecard = useQuery({
    queryKey: ['scorecard', range],
    queryFn: ({ signal }) => reviewClient.scorecard(range, signal),
    placeholderData: keepPreviousData,
  })
  const model = (id: string) => catalog.models.find((m) => m.id === id)
  const name = (id: string) => model(id)?.name ?? id
  const detail = (row: ScorecardRow) => {
    const mode = model(row.model)?.modes.find((m) => m.id === row.mode)?.label ?? 'other media'
    return `${name(row.model)} · ${mode} · ${row.seconds === null ? 'default length' : `${row.seconds} s`}`
  }
  const data = scorecard.data

  return (
    <section aria-labelledby="models-heading" className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center gap-2">
        <h2 id="models-heading" className="mr-auto text-lg font-semibold text-ink-200">
          Models
        </h2>
        {RANGES.map(({ label }) => (
          <button
            key={label}
            type="button"
            aria-pressed={label === chosen}
            onClick={() => setChosen(label)}
            className="rounded-lg border border-ink-600 px-3 py-1.5 text-sm text-ink-200 hover:border-ink-400 aria-pressed:border-accent-400 aria-pressed:text-accent-300"
          >
            {label}
          </button>
        ))}
      </div>
      {scorecard.isError && <p role="alert">The scorecard could not be loaded: {scorecard.error.message}</p>}
      {scorecard.isPending && <p className="text-sm text-ink-400">Reading the ledger…</p>}
      {data && data.models.length === 0 && <p className="text-sm text-ink-400">No renders in this range.</p>}
      {data && data.models.length > 0 && (
        <>
          <ScorecardChart models={data.models} name={name} />
          <ScorecardTable caption="By model" rows={data.models} label={(row) => name(row.model)} />
          <ScorecardTable caption="By mode and duration" rows={data.rows} label={detail} />
          <p className="text-xs text-ink-400">
            Renders created in the range, deleted ones included. Failed is the share of finished renders that failed;
            credits per pick are all the model's credits over its picked takes, so rejects and failures count in what a
            keeper costs. The model picker shows a model's pick rate once 10 of its takes are rated.
          </p>
        </>
      )}
    </section>
  )
}
