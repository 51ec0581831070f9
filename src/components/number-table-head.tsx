/** A numbers table's caption and header: the rows' label column, then right-aligned number columns. */
export function NumberTableHead({ caption, first, columns }: { caption: string; first: string; columns: string[] }) {
  return (
    <>
      <caption className="mb-2 text-left text-xs font-semibold tracking-wide text-ink-400 uppercase">{caption}</caption>
      <thead className="text-xs text-ink-400">
        <tr>
          <th scope="col" className="py-1 font-medium">
            {first}
          </th>
          {columns.map((column) => (
            <th key={column} scope="col" className="py-1 text-right font-medium">
              {column}
            </th>
          ))}
        </tr>
      </thead>
    </>
  )
}

/** A number cell of such a table. */
export const numberCellClass = 'py-1.5 text-right tabular-nums'
