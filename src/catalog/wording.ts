import { FIELD_LABELS, type WireField } from './wire-fields'

/** Words that take no article ("Add audio", not "Add an audio"). */
const MASS_NOUNS = new Set(['audio'])

/** A field's label as it reads mid-sentence: "first frame", "aspect ratio". */
export const lower = (field: WireField) => FIELD_LABELS[field].toLowerCase()

/** "a first frame", "an aspect ratio", "audio". */
export function withArticle(noun: string): string {
  if (MASS_NOUNS.has(noun)) return noun
  return `${/^[aeiou]/.test(noun) ? 'an' : 'a'} ${noun}`
}

/**
 * A number as a person reads it: 2,147,483,647, or 1.235 (at most three decimals), as `toLocaleString('en-US')`
 * writes it. Written out rather than asked of Intl: a page's first Intl call loads ICU's data, about 50 ms of
 * a phone's main thread, and the studio's first screen shows numbers.
 */
export function readable(value: number | string): string {
  if (typeof value !== 'number') return value
  const text = String(Math.abs(value))
  // Rounded on the decimal digits as written (64.1655 → 64.166, as Intl does), not on 64.1655 × 1000, which a
  // double holds as 64165.49999…; a number written with an exponent is too small or too large for that.
  const rounded = text.includes('e')
    ? Math.round(Math.abs(value) * 1000) / 1000
    : Number(`${Math.round(Number(`${text}e3`))}e-3`)
  if (!Number.isFinite(rounded) || rounded >= 1e21) return value.toLocaleString('en-US')
  const [whole, fraction] = String(rounded).split('.')
  const grouped = whole!.replace(/\B(?=(\d{3})+$)/g, ',')
  return `${value < 0 || Object.is(value, -0) ? '-' : ''}${grouped}${fraction ? `.${fraction}` : ''}`
}

/** "4, 8, 12 or 16". */
export function orList(values: readonly (string | number)[]): string {
  const words = values.map(readable)
  return words.length <= 1 ? words.join('') : `${words.slice(0, -1).join(', ')} or ${words.at(-1)}`
}

/** What to do about a required value that is missing: "Write a prompt", "Add a first frame". */
export function addInstruction(field: WireField, minItems?: number): string {
  if (field === 'prompt') return 'Write a prompt'
  const noun = lower(field)
  if (minItems === undefined) return `Add ${withArticle(noun)}`
  // List fields are named in the plural ("Reference images"); one item is the singular.
  return minItems === 1 ? `Add at least one ${noun.replace(/s$/, '')}` : `Add at least ${minItems} ${noun}`
}
