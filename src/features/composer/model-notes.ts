import { type Model } from '@/catalog/catalog-schema'
import { FIELD_LABELS } from '@/catalog/wire-fields'
import type { ModelRefusal } from '@/catalog/fidelity-contract'
import { mediaSlotsOf } from '@/catalog/modes'

function sentenceList(words: readonly string[]): string {
  return words.length <= 1 ? words.join('') : `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`
}

/** What the model's one quiet badge says, and the plain notes behind it; no badge when nothing is in doubt. */
export interface ModelNotes {
  badge?: 'refused' | 'may be refused' | 'unverified'
  notes: string[]
}

export function refusalNote(model: Model, refusal: ModelRefusal): string {
  const day = new Date(refusal.atMs).toISOString().slice(0, 10)
  return `Cannon refused ${model.name} on ${day}: ${refusal.message}`
}

/**
 * What is in doubt about a model, in plain words: a refusal Cannon sent since its last success, its
 * availability upstream, an id or fields nothing confirms. The model stays composable: Cannon decides.
 */
export function modelNotes(model: Model, refusal?: ModelRefusal): ModelNotes {
  const notes: string[] = []
  if (refusal) notes.push(refusalNote(model, refusal))
  if (model.availability) notes.push(model.availability.note)
  if (model.idInferred) {
    notes.push(`Cannon has not confirmed the id ${model.id} yet: it follows Cannon's naming, and Cannon may refuse it.`)
  }
  if (model.fieldsUnverified) {
    const labels = new Set<string>(Object.keys(model.fields).map((f) => FIELD_LABELS[f as keyof typeof FIELD_LABELS]))
    for (const slot of mediaSlotsOf(model)) labels.add(FIELD_LABELS[slot.field])
    const fields = [...labels].map((label) => label.toLowerCase())
    notes.push(`Which settings ${model.name} takes is not documented: the studio sends only ${sentenceList(fields)}.`)
  }
  if (notes.length === 0) return { notes }
  const badge = refusal
    ? 'refused'
    : model.availability?.status === 'retired-upstream'
      ? 'may be refused'
      : 'unverified'
  return { badge, notes }
}
