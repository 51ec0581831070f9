import { formatElapsed } from '@/components/elapsed'
import { durationOf, isUnfinished, type RenderRecord } from '@/features/renders/render-record'
import { readable } from '@/catalog/wording'

export interface Fact {
  text: string
  /** Said on hover: what the short text means. */
  title?: string
}

/** What tells one take from another, as a card says it. */
export interface CardFacts {
  /** Model, length, ratio, resolution: the settings that shape the take. */
  specs: string[]
  seed?: Fact
  made: Fact
  cost: Fact
  time: Fact
  author?: Fact
}

const MINUTE = 60_000
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR

/** "just now", "5 min ago", "3 h ago", "2 days ago", then the date. */
export function timeAgo(ms: number, now: number): string {
  const ago = now - ms
  if (ago < MINUTE) return 'just now'
  if (ago < HOUR) return `${Math.floor(ago / MINUTE)} min ago`
  if (ago < DAY) return `${Math.floor(ago / HOUR)} h ago`
  if (ago < 7 * DAY) return `${Math.floor(ago / DAY)} day${ago < 2 * DAY ? '' : 's'} ago`
  return new Date(ms).toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: 'numeric' })
}

/** "1,240 credits", or "— credits" until Cannon's bill is known. */
export function creditsText(credits: number | null | undefined): string {
  return typeof credits === 'number' ? `${readable(credits)} credits` : '— credits'
}

function renderTime(record: RenderRecord, now: number): Fact {
  if (isUnfinished(record)) {
    return { text: `${formatElapsed(now - record.createdAtMs)} so far`, title: 'Time since Generate' }
  }
  const took = formatElapsed((record.completedAtMs ?? record.updatedAtMs) - record.createdAtMs)
  return record.status === 'failed'
    ? { text: `failed after ${took}`, title: 'From Generate to the failure' }
    : { text: `rendered in ${took}`, title: 'Render time: from Generate to the finished take' }
}

function authorFact(record: RenderRecord): Fact | undefined {
  if (!record.author) return undefined
  return {
    text: `by ${record.author}`,
    title: record.authorVerified
      ? `${record.author} (signed in with their own token)`
      : `${record.author} (self-declared: the name their browser gave)`,
  }
}

export function cardFacts(record: RenderRecord, modelName: string, now: number): CardFacts {
  const { input } = record
  const duration = durationOf(record)
  const ratio = record.output?.aspect_ratio ?? input.aspect_ratio
  const specs = [
    modelName,
    duration === undefined ? undefined : `${duration} s`,
    typeof ratio === 'string' ? ratio : undefined,
    typeof input.resolution === 'string' ? input.resolution : undefined,
  ].filter((s): s is string => s !== undefined)
  const known = typeof record.billableCredits === 'number'
  return {
    specs,
    seed: typeof input.seed === 'number' ? { text: `seed ${input.seed}`, title: 'Seed' } : undefined,
    made: { text: timeAgo(record.createdAtMs, now), title: `Made ${new Date(record.createdAtMs).toLocaleString()}` },
    cost: {
      text: creditsText(record.billableCredits),
      title: known ? 'What Cannon billed for this render' : 'Not billed yet',
    },
    time: renderTime(record, now),
    author: authorFact(record),
  }
}
