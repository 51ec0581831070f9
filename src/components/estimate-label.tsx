import type { Estimate } from '@/catalog/credits-contract'
import { readable } from '@/catalog/wording'

interface EstimateLabelProps {
  estimate: Estimate | undefined
  /** How many renders of this estimate the action makes. */
  count?: number
  /** The account's credits now: the label then says what is left after. */
  balance?: number
}

const BASIS_WORDS: Record<Estimate['basis'], string> = {
  history: 'from past renders like this one',
  fitted: "scaled from this model's past renders",
  table: 'from a price list',
  unknown: 'no price known',
}

/** `≈ 72 credits · 4,928 left after`, with how sure the number is on hover (and for screen readers). */
export function EstimateLabel({ estimate, count = 1, balance }: EstimateLabelProps) {
  if (!estimate) return <span className="text-xs text-ink-400">Estimating…</span>
  const why = `${BASIS_WORDS[estimate.basis]}${estimate.samples > 0 ? ` (${estimate.samples} renders)` : ''}: ${estimate.detail}`
  if (estimate.credits === null) {
    return (
      <span className="text-xs text-ink-400" title={why}>
        Cost unknown<span className="sr-only">: {why}</span>
      </span>
    )
  }
  const total = estimate.credits * count
  const left = balance === undefined ? undefined : balance - total
  return (
    <span className="text-xs text-ink-200" title={why} data-testid="estimate">
      ≈ {readable(total)} credits
      {left !== undefined && (
        <span className={left < 0 ? 'text-red-300' : 'text-ink-400'}>
          {' '}
          · {left < 0 ? `${readable(-left)} more than the balance` : `${readable(left)} left after`}
        </span>
      )}
      <span className="sr-only">, {why}</span>
    </span>
  )
}
