import type { Context } from 'hono'
import type { CreditsRefusal } from '@/catalog/credits-contract'
import type { DailyCapReached } from '@/ledger/credit-cap'
import type { BffEnv } from './bff-env'
import type { UpstreamReply } from './upstream'
import { readable } from '@/catalog/wording'

/*
 * Cannon documents no shape for a refusal for want of credits (cannon-api.md §3, §7): a 402, or any 4xx that
 * says "credit", is read as one, and the balance and the price are taken from whichever of these fields it has.
 */
const BALANCE_FIELDS = ['creditsRemaining', 'credits_remaining', 'remaining', 'balance', 'available']
const ASKED_FIELDS = ['required', 'requiredCredits', 'required_credits', 'needed', 'price', 'cost', 'estimatedCredits']

const objectsOf = (body: unknown): Record<string, unknown>[] => {
  if (!body || typeof body !== 'object') return []
  const top = body as Record<string, unknown>
  return [top, top.error, top.credits].filter((o): o is Record<string, unknown> => !!o && typeof o === 'object')
}

function firstNumber(body: unknown, fields: string[]): number | undefined {
  for (const object of objectsOf(body))
    for (const field of fields) if (typeof object[field] === 'number') return object[field] as number
  return undefined
}

export function isCreditsRefusal(reply: UpstreamReply, reason: string | undefined): boolean {
  if (reply.status === 402) return true
  const code = objectsOf(reply.body).find((o) => typeof o.code === 'string')?.code as string | undefined
  return reply.status >= 400 && reply.status < 500 && /credit/i.test(`${code ?? ''} ${reason ?? ''}`)
}

/** 402 `insufficient_credits` with Cannon's reason, and its balance and price when it gave them. */
export function creditsRefused(c: Context<BffEnv>, reply: UpstreamReply, reason: string | undefined) {
  const balance = firstNumber(reply.body, BALANCE_FIELDS)
  const asked = firstNumber(reply.body, ASKED_FIELDS)
  const body: CreditsRefusal = {
    error: {
      code: 'insufficient_credits',
      message: reason ?? 'Cannon refused the render: the account has not enough credits',
      credits: { ...(balance === undefined ? {} : { balance }), ...(asked === undefined ? {} : { asked }) },
    },
  }
  return c.json(body, 402)
}

const shown = (n: number) => readable(Number.isInteger(n) ? n : Math.round(n * 100) / 100)

/** 402 `daily_cap`: how today (UTC) stands, the cap, and what this render was estimated at, in plain words. */
export function dailyCapRefused(c: Context<BffEnv>, refusal: DailyCapReached) {
  const { day, cap, estimate } = refusal
  const held = day.reserved > 0 ? ` and ${shown(day.reserved)} held by unfinished renders` : ''
  const cost =
    estimate === null
      ? "this render's cost is unknown, and a render of unknown cost is let through only while the day is under the cap"
      : `this render is estimated at ${shown(estimate)}`
  const body: CreditsRefusal = {
    error: {
      code: 'daily_cap',
      message: `The studio's daily cap of ${shown(cap)} credits would be passed: today (UTC) ${shown(day.spent)} credits are spent${held}, and ${cost}. The cap resets at midnight UTC.`,
      credits: { spent: day.spent, reserved: day.reserved, cap, estimate },
    },
  }
  return c.json(body, 402)
}
