import type { SpendRow } from '@/catalog/credits-contract'
import type { DayRange } from '@/lib/credits-client'

const DAY_MS = 86_400_000
const MAX_CHART_DAYS = 366

export const utcDay = (ms: number) => new Date(ms).toISOString().slice(0, 10)

/** The last `days` UTC days up to today, both ends included. */
export function lastDays(days: number, nowMs = Date.now()): DayRange {
  return { from: utcDay(nowMs - (days - 1) * DAY_MS), to: utcDay(nowMs) }
}

/** From the first of this UTC month to today. */
export function thisMonth(nowMs = Date.now()): DayRange {
  const today = utcDay(nowMs)
  return { from: `${today.slice(0, 8)}01`, to: today }
}

/** Every day of the range with its credits (0 for a day with no renders), for the chart's x axis. */
export function dailyCredits(range: DayRange, byDay: SpendRow[]): { day: string; credits: number }[] {
  const credits = new Map(byDay.map((row) => [row.key, row.credits]))
  const days: { day: string; credits: number }[] = []
  const end = Date.parse(`${range.to}T00:00:00Z`)
  for (let ms = Date.parse(`${range.from}T00:00:00Z`); ms <= end && days.length < MAX_CHART_DAYS; ms += DAY_MS) {
    const day = utcDay(ms)
    days.push({ day, credits: credits.get(day) ?? 0 })
  }
  return days
}
