import { FIELD_LABELS, type Model } from '@/catalog/catalog-schema'
import { mediaSlotsOf } from '@/catalog/modes'

function sentenceList(words: readonly string[]): string {
  return words.length <= 1 ? words.join('') : `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`
}

/**
 * What is not confirmed about a model, in plain words, or nothing: the explanation behind its "unverified"
 * badge.
 */
export function unverifiedNotes(model: Model): string[] {
  const notes: string[] = []
  if (model.idInferred) {
    notes.push(`Cannon has not confirmed the id ${model.id} yet: it follows Cannon's naming, and Cannon may refuse it.`)
  }
  if (model.fieldsUnverified) {
    const labels = new Set<string>(Object.keys(model.fields).map((f) => FIELD_LABELS[f as keyof typeof FIELD_LABELS]))
    for (const slot of mediaSlotsOf(model)) labels.add(FIELD_LABELS[slot.field])
    const fields = [...labels].map((label) => label.toLowerCase())
    notes.push(`Which settings ${model.name} takes is not documented: the studio sends only ${sentenceList(fields)}.`)
  }
  return notes
}
