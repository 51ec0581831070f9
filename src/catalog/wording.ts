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

/** A number as a person reads it: 2,147,483,647. */
export const readable = (value: number | string) => (typeof value === 'number' ? value.toLocaleString('en-US') : value)

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
