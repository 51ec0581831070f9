import type { ScorecardRow } from '@/catalog/review-contract'
import { formatElapsed } from '@/components/elapsed'
import { NumberTableHead, numberCellClass } from '@/components/number-table-head'
import { readable } from '@/catalog/wording'

interface ScorecardTableProps {
  caption: string
  rows: ScorecardRow[]
  /** How a row reads to people: the model's name, and its mode and duration where the row has them. */
  label: (row: ScorecardRow) => string
}

const n = readable
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
        <NumberTableHead caption={caption} first="Model" columns={COLUMNS} />
        <tbody className="text-ink-200">
          {rows.map((row) => (
            <tr key={`${row.model} ${row.mode} ${row.seconds}`} className="border-t border-ink-800">
              <th scope="row" className="py-1.5 font-normal">
                {label(row)}
              </th>
              <td className={numberCellClass}>{n(row.renders)}</td>
              <td className={numberCellClass}>{n(row.picks)}</td>
              <td className={numberCellClass}>{n(row.rejects)}</td>
              <td className={numberCellClass}>{n(row.flagged)}</td>
              <td className={numberCellClass}>
                {percent(row.failureRate)} <span className="text-ink-400">({n(row.failed)})</span>
              </td>
              <td className={numberCellClass}>
                {row.medianRenderMs === null ? '—' : formatElapsed(row.medianRenderMs)}
              </td>
              <td className={numberCellClass}>{credits(row.creditsPerPick)}</td>
              <td className={numberCellClass}>{credits(row.creditsPerPickedSecond)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
