import type { LineageTotal } from '@/catalog/credits-contract'
import { formatElapsed } from '@/components/elapsed'
import { isUnfinished, type RenderRecord } from '@/features/renders/render-record'
import { readable } from '@/catalog/wording'

type Timed = Pick<RenderRecord, 'status' | 'createdAtMs' | 'startedAtMs' | 'completedAtMs'>

export const formatCredits = (credits: number) => `${readable(credits)} ${credits === 1 ? 'credit' : 'credits'}`

/** What the render cost, as Cannon billed it. */
export function creditsText(record: Pick<RenderRecord, 'billableCredits'>): string {
  return record.billableCredits == null ? 'not known yet' : formatCredits(record.billableCredits)
}

/** How long the render waited before Cannon started it (started − created). */
export function queueTimeText(record: Timed): string {
  if (record.startedAtMs != null) return formatElapsed(record.startedAtMs - record.createdAtMs)
  return record.status === 'submitting' || record.status === 'queued' ? 'still waiting' : 'not known'
}

/** How long Cannon took to make it (completed − started). */
export function renderTimeText(record: Timed): string {
  if (record.startedAtMs != null && record.completedAtMs != null)
    return formatElapsed(record.completedAtMs - record.startedAtMs)
  if (!isUnfinished(record)) return 'not known'
  return record.startedAtMs != null ? 'still rendering' : 'not started yet'
}

/** Who made it, saying so when the name is only what they called themselves; undefined until the ledger says. */
export function authorText(record: Pick<RenderRecord, 'author' | 'authorVerified'>): string | undefined {
  if (record.author === undefined) return undefined
  if (record.author === null) return 'not recorded'
  return record.authorVerified === false ? `${record.author} (self-declared)` : record.author
}

/** "This take and the 3 takes made from it: 412 credits", or undefined when nothing was made from it yet. */
export function lineageText(total: LineageTotal): string | undefined {
  const others = total.renders - 1
  if (others < 1) return undefined
  const made = others === 1 ? 'the take made from it' : `the ${others} takes made from it`
  const unfinished =
    total.unfinished === 0
      ? ''
      : ` (${total.unfinished} not finished yet, so ${total.unfinished === 1 ? 'its' : 'their'} credits may still change)`
  return `This take and ${made}: ${formatCredits(total.credits)}${unfinished}`
}
