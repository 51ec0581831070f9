import { type Model } from '@/catalog/catalog-schema'
import { FIELD_LABELS, type WireField } from '@/catalog/wire-fields'
import type { Estimate } from '@/catalog/credits-contract'
import type { PriceShape } from '@/catalog/price-shape'
import type { PriceHistory } from '@/ledger/price-history'

/** A price from a list: what it charges, and whose list it is (said to the person). */
export interface ListedPrice {
  credits: number
  source: string
}

const round2 = (n: number) => Math.round(n * 100) / 100
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`

/** "Grok, 6 s, 720p, with First frame and Audio". */
export function describeShape(model: Model, shape: PriceShape): string {
  const media = shape.media
    .split(',')
    .filter(Boolean)
    .map((field) => FIELD_LABELS[field as WireField] ?? field)
  const parts = [model.name]
  if (shape.seconds !== null) parts.push(`${shape.seconds} s`)
  if (shape.resolution !== null) parts.push(shape.resolution)
  return `${parts.join(', ')}${media.length ? `, with ${media.join(' and ')}` : ''}`
}

/**
 * The estimate from what is known, most certain first: renders exactly like this one (their median), else the
 * model's renders at this resolution scaled by seconds (rounded up: an estimate guards a cap), else a price
 * list, else no number at all. Nothing is made up: each number rests on past bills or a list.
 */
export function estimateFrom(model: Model, shape: PriceShape, history: PriceHistory, listed?: ListedPrice): Estimate {
  const { exact, fitted } = history
  if (exact.samples > 0 && exact.median !== null) {
    const median = round2(exact.median)
    const spread =
      exact.min === exact.max ? `each cost ${round2(exact.min!)}` : `cost ${round2(exact.min!)}–${round2(exact.max!)}`
    return {
      credits: median,
      basis: 'history',
      samples: exact.samples,
      detail: `${plural(exact.samples, 'render')} exactly like this (${describeShape(model, shape)}) ${spread} credits${exact.samples > 2 ? `; the median is ${median}` : ''}.`,
    }
  }
  if (fitted.samples > 0 && fitted.perSecond !== null && shape.seconds !== null) {
    const credits = Math.ceil(round2(fitted.perSecond * shape.seconds))
    const at = shape.resolution === null ? '' : ` at ${shape.resolution}`
    return {
      credits,
      basis: 'fitted',
      samples: fitted.samples,
      detail: `No render exactly like this yet; ${plural(fitted.samples, `${model.name} render`)}${at} cost a median ${round2(fitted.perSecond)} credits a second, so ${shape.seconds} s ≈ ${credits} credits.`,
    }
  }
  if (listed) {
    return {
      credits: listed.credits,
      basis: 'table',
      samples: 0,
      detail: `From the ${listed.source} price list: ${listed.credits} credits (no render like this has finished yet).`,
    }
  }
  const at = shape.resolution === null ? '' : ` at ${shape.resolution}`
  return {
    credits: null,
    basis: 'unknown',
    samples: 0,
    detail: `No ${model.name} render${at} has finished yet and no price list covers it: the cost is unknown until one does.`,
  }
}
