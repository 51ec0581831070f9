import type { Spend, SpendRow } from '@/catalog/credits-contract'

const HEADER = [
  'group',
  'key',
  'renders',
  'credits',
  'succeeded_renders',
  'succeeded_credits',
  'failed_renders',
  'failed_credits',
]

/**
 * One CSV cell. Text a spreadsheet would read as a formula (= + - @, tab, carriage return first) gets a leading
 * apostrophe (OWASP's advice on CSV injection); any cell with a quote, comma or line break is quoted.
 */
export function csvCell(value: string | number | null): string {
  if (value === null) return ''
  if (typeof value === 'number') return String(value)
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}

const line = (group: string, row: SpendRow) =>
  [
    group,
    row.key,
    row.renders,
    row.credits,
    row.succeededRenders,
    row.succeededCredits,
    row.failedRenders,
    row.failedCredits,
  ]
    .map(csvCell)
    .join(',')

/** The spend report as one CSV: the total, then a row per day, per model and per author. */
export function spendCsv(spend: Spend): string {
  const rows = [
    HEADER.join(','),
    line('total', spend.total),
    ...spend.byDay.map((row) => line('day', row)),
    ...spend.byModel.map((row) => line('model', row)),
    ...spend.byAuthor.map((row) => line('author', row)),
  ]
  return `${rows.join('\r\n')}\r\n`
}
