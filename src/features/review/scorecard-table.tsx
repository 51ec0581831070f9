import type { ScorecardRow } from '@/catalog/review-contract'
import { formatElapsed } from '@/components/elapsed'

interface ScorecardTableProps {
  caption: string
  rows: ScorecardRow[]
  /** How a row reads to people: the model's name, and its mode and duration where the row has them. */
  label: (row: ScorecardRow) => string
}

const n = (value: number) => value.toLocaleString()
const percent = (value: number | null) => (value === null ? '—' : `${Math.round(value * 100)}%`)
const credits = (value: number | null) =>
  value === null ? '—' : value.toLocaleString(undefined, { maximumFractionDigits: 1 })
const COLUMNS = [
  'Renders',
  'Picks',
  'Rejects',
  'Flagged',
  'Failed',
  'Median render',
  'Credits / pick',
  'Credits / picked s',
]

/** The scorecard's numbers, a row per model (or per model, mode and duration). */
export function ScorecardTable({ caption, rows, label }: ScorecardTableProps) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full min-w-[44rem] text-left text-sm">
        <caption className="mb-2 text-left text-xs font-semibold tracking-wide text-ink-400 uppercase">
          {caption}
        </caption>
        <thead className="text-xs text-ink-400">
          <tr>
            <th scope="col" className="py-1 font-medium">
              Model
            </th>
            {COLUMNS.map((column) => (
              <th key={column} scope="col" className="py-1 text-right font-medium">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="text-ink-200">
          {rows.map((row) => (
            <tr key={`${row.model} ${row.mode} ${row.seconds}`} className="border-t border-ink-800">
              <th scope="row" className="py-1.5 font-normal">
                {label(row)}
              </th>
              <td className="py-1.5 text-right tabular-nums">{n(row.renders)}</td>
              <td className="py-1.5 text-right tabular-nums">{n(row.picks)}</td>
              <td className="py-1.5 text-right tabular-nums">{n(row.rejects)}</td>
              <td className="py-1.5 text-right tabular-nums">{n(row.flagged)}</td>
              <td className="py-1.5 text-right tabular-nums">
                {percent(row.failureRate)} <span className="text-ink-400">({n(row.failed)})</span>
              </td>
              <td className="py-1.5 text-right tabular-nums">
                {row.medianRenderMs === null ? '—' : formatElapsed(row.medianRenderMs)}
              </td>
              <td className="py-1.5 text-right tabular-nums">{credits(row.creditsPerPick)}</td>
              <td className="py-1.5 text-right tabular-nums">{credits(row.creditsPerPickedSecond)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
