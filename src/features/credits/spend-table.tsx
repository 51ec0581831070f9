import type { SpendRow } from '@/catalog/credits-contract'

interface SpendTableProps {
  caption: string
  rows: SpendRow[]
  /** How a row's key reads to people (a model id as its name, no author as "Nobody named"). */
  label: (key: string | null) => string
}

const n = (value: number) => value.toLocaleString()
const NUMBER_COLUMNS = ['Renders', 'Credits', 'Succeeded', 'Failed']

/** Renders and credits per day, model or person, succeeded and failed apart. */
export function SpendTable({ caption, rows, label }: SpendTableProps) {
  return (
    <table className="w-full text-left text-sm">
      <caption className="mb-2 text-left text-xs font-semibold tracking-wide text-ink-400 uppercase">{caption}</caption>
      <thead className="text-xs text-ink-400">
        <tr>
          <th scope="col" className="py-1 font-medium">
            {caption.replace(/^By /, '').replace(/^./, (c) => c.toUpperCase())}
          </th>
          {NUMBER_COLUMNS.map((column) => (
            <th key={column} scope="col" className="py-1 text-right font-medium">
              {column}
            </th>
          ))}
        </tr>
      </thead>
      <tbody className="text-ink-200">
        {rows.length === 0 ? (
          <tr>
            <td colSpan={5} className="py-2 text-ink-400">
              No renders in this range.
            </td>
          </tr>
        ) : (
          rows.map((row) => (
            <tr key={row.key ?? ''} className="border-t border-ink-800">
              <th scope="row" className="py-1.5 font-normal">
                {label(row.key)}
              </th>
              <td className="py-1.5 text-right tabular-nums">{n(row.renders)}</td>
              <td className="py-1.5 text-right tabular-nums">{n(row.credits)}</td>
              <td className="py-1.5 text-right tabular-nums">
                {n(row.succeededCredits)} <span className="text-ink-400">({n(row.succeededRenders)})</span>
              </td>
              <td className="py-1.5 text-right tabular-nums">
                {n(row.failedCredits)} <span className="text-ink-400">({n(row.failedRenders)})</span>
              </td>
            </tr>
          ))
        )}
      </tbody>
    </table>
  )
}
