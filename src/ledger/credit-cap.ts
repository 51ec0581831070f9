import type { Render } from '@/catalog/render-contract'
import type { Database } from './database'
import { creditDay, getRenderByIdempotencyKey, insertSubmission, type NewSubmission } from './render-store'

/** Today's credits (UTC): Cannon's bills of finished renders, and what unfinished ones hold. */
export interface DaySpend {
  day: string
  spent: number
  reserved: number
}

/** A create the daily cap refuses: how the day stands without it, and what it would have added. */
export class DailyCapReached extends Error {
  constructor(
    readonly day: DaySpend,
    readonly cap: number,
    readonly estimate: number | null,
  ) {
    super(`the daily credit cap of ${cap} is reached`)
  }
}

export async function daySpend(db: Database, day: string): Promise<DaySpend> {
  const [row] = await db.query<DaySpend>('SELECT day, spent, reserved FROM credit_days WHERE day = $1', [day])
  return row ?? { day, spent: 0, reserved: 0 }
}

/**
 * Records a create and reserves its estimate on its UTC day in one transaction, refusing it (DailyCapReached,
 * nothing written) when the day would then hold more than `cap`. Inserting the render adds its reservation to
 * the day's row (the renders_credit_days trigger) and so locks that row until commit: creates racing for the
 * cap, in this process or another on the same Postgres, take their turns and each sees the others' credits.
 * An unknown estimate reserves nothing and is let through only while the day is below the cap. A repeat of an
 * idempotency key is answered with its render and reserves nothing again.
 */
export async function recordWithinCap(
  db: Database,
  submission: NewSubmission,
  cap: number | undefined,
  estimateKnown: boolean,
): Promise<Render> {
  return db.transaction(async (tx) => {
    const render = await insertSubmission(tx, submission)
    if (!render) {
      const existing = await getRenderByIdempotencyKey(tx, submission.idempotencyKey)
      if (!existing) throw new Error(`render with idempotency key ${submission.idempotencyKey} vanished`)
      return existing
    }
    if (cap === undefined) return render
    const day = await daySpend(tx, creditDay(submission.nowMs))
    const total = day.spent + day.reserved
    if (total > cap || (!estimateKnown && total >= cap)) {
      const reserved = submission.reservedCredits ?? 0
      throw new DailyCapReached({ ...day, reserved: day.reserved - reserved }, cap, estimateKnown ? reserved : null)
    }
    return render
  })
}
