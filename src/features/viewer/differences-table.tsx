import { fieldLabel } from '@/features/renders/input-fields'
import type { FieldDifference } from './input-diff'

/** The inputs that differ between the takes side by side, one column per take. */
export function DifferencesTable({
  differences,
  valueText,
}: {
  differences: FieldDifference[]
  valueText: (field: string, value: unknown) => string
}) {
  return (
    <section aria-label="Differences" className="flex flex-col gap-1">
      <h3 className="text-xs font-semibold tracking-wide text-ink-400 uppercase">Inputs that differ</h3>
      {differences.length === 0 ? (
        <p className="text-sm text-ink-400">These renders were made with the same input.</p>
      ) : (
        <table className="text-left text-sm">
          <tbody>
            {differences.map(({ field, values }) => (
              <tr key={field} className="border-t border-ink-700">
                <th scope="row" className="py-1 pr-4 font-normal text-ink-400">
                  {fieldLabel(field)}
                </th>
                {values.map((value, i) => (
                  <td
                    key={i}
                    className="py-1 pr-4 break-words text-ink-200"
                  >{`${i + 1}: ${valueText(field, value)}`}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}
