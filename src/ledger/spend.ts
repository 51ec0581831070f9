import type { Spend, SpendRow } from '@/catalog/credits-contract'
import type { Database } from './database'

const DAY_MS = 86_400_000

/** `YYYY-MM-DD` (UTC) → its first millisecond; NaN for anything else. */
export function dayStartMs(day: string): number {
  const ms = /^\d{4}-\d{2}-\d{2}$/.test(day) ? Date.parse(`${day}T00:00:00Z`) : NaN
  // Date.parse rolls 02-30 over to March: a real day reads back as itself.
  return Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== day ? NaN : ms
}

type GroupedRow = Omit<SpendRow, 'key'> & {
  grouping: number
  day: number | null
  model: string | null
  author: string | null
}

const BY_DAY = 0b011
const BY_MODEL = 0b101
const BY_AUTHOR = 0b110

/**
 * Renders created from `from` to `to` (UTC days, both included), whatever became of them (deleted ones too:
 * their credits were spent), summed by day, model and author in one pass over the creation-time index.
 * Credits are Cannon's billableCredits; a render without one counts 0; failed renders are summed apart.
 */
export async function spendBetween(db: Database, from: string, to: string): Promise<Spend> {
  const rows = await db.query<GroupedRow>(
    `SELECT GROUPING(day, model, author) AS grouping, day, model, author,
       count(*)::int AS renders, coalesce(sum(billable_credits), 0) AS credits,
       (count(*) FILTER (WHERE status = 'succeeded'))::int AS "succeededRenders",
       coalesce(sum(billable_credits) FILTER (WHERE status = 'succeeded'), 0) AS "succeededCredits",
       (count(*) FILTER (WHERE status = 'failed'))::int AS "failedRenders",
       coalesce(sum(billable_credits) FILTER (WHERE status = 'failed'), 0) AS "failedCredits"
     FROM (SELECT created_at_ms / ${DAY_MS} AS day, model, author, status, billable_credits FROM renders
       WHERE created_at_ms >= $1::bigint AND created_at_ms < $2::bigint) r
     GROUP BY GROUPING SETS ((day), (model), (author), ())
     ORDER BY day, model, author NULLS LAST`,
    [dayStartMs(from), dayStartMs(to) + DAY_MS],
  )
  const pick = (grouping: number, key: (row: GroupedRow) => string | null) =>
    rows.filter((row) => row.grouping === grouping).map((row) => spendRow(row, key(row)))
  const total = rows.find((row) => row.grouping === 0b111)
  return {
    from,
    to,
    total: total ? spendRow(total, null) : emptyRow(),
    byDay: pick(BY_DAY, (row) => new Date(row.day! * DAY_MS).toISOString().slice(0, 10)),
    byModel: pick(BY_MODEL, (row) => row.model),
    byAuthor: pick(BY_AUTHOR, (row) => row.author),
  }
}

function spendRow(row: GroupedRow, key: string | null): SpendRow {
  const { renders, credits, succeededRenders, succeededCredits, failedRenders, failedCredits } = row
  return { key, renders, credits, succeededRenders, succeededCredits, failedRenders, failedCredits }
}

const emptyRow = (): SpendRow => ({
  key: null,
  renders: 0,
  credits: 0,
  succeededRenders: 0,
  succeededCredits: 0,
  failedRenders: 0,
  failedCredits: 0,
})
