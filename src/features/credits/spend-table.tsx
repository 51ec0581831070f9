import type { SpendRow } from '@/catalog/credits-contract'
import { NumberTableHead, numberCellClass } from '@/components/number-table-head'
import { readable } from '@/catalog/wording'

interface SpendTableProps {
  caption: string
  rows: SpendRow[]
  /** How a row's key reads to people (a model id as its name, no author as "Nobody named"). */
  label: (key: string | null) => string
}

const n = readable
const NUMBER_COLUMNS = ['Renders', 'Credits', 'Succeeded', 'Failed']

/** Renders and credits per day, model or person, succeeded and failed apart. */
export function SpendTable({ caption, rows, label }: SpendTableProps) {
  return (
    <table className="w-full text-left text-sm">
      <NumberTableHead
        caption={caption}
        first={caption.replace(/^By /, '').replace(/^./, (c) => c.toUpperCase())}
        columns={NUMBER_COLUMNS}
      />
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
              <td className={numberCellClass}>{n(row.renders)}</td>
              <td className={numberCellClass}>{n(row.credits)}</td>
              <td className={numberCellClass}>
                {n(row.succeededCredits)} <span className="text-ink-400">({n(row.succeededRenders)})</span>
              </td>
              <td className={numberCellClass}>
                {n(row.failedCredits)} <span className="text-ink-400">({n(row.failedRenders)})</span>
              </td>
            </tr>
          ))
        )}
      </tbody>
    </table>
  )
}
