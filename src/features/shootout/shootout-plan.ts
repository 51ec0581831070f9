import { type Model } from '@/catalog/catalog-schema'
import { FIELD_LABELS, type WireField } from '@/catalog/wire-fields'
import type { SchemaOptions, VideoInput } from '@/catalog/request-schema'
import { buildVideoInput, valuesFromInput, type ComposerValues } from '@/features/composer/form-values'
import { switchModel } from '@/features/composer/model-switch'
import { validateComposer } from '@/features/composer/validate-composer'

export const MIN_SHOOTOUT_MODELS = 2
export const MAX_SHOOTOUT_MODELS = 8

/** One model of a shoot-out: the composer's input mapped onto it, as a model switch would map it. */
export interface ShootoutRow {
  model: Model
  input: VideoInput
  /** Labels of the fields that carry over unchanged. */
  kept: string[]
  /** What a switch to this model clamps or changes, one sentence each ("Duration 10 s → 8 s"). */
  changed: string[]
  /** Labels of what this model has no place for (not a field of it, or not in the mode it falls back to). */
  dropped: string[]
  /** Why this model would refuse the mapped input; such a model is not sent. */
  problem?: string
}

const label = (field: string) => FIELD_LABELS[field as WireField] ?? field

/**
 * The composer's input (exactly what Generate would send) mapped onto each target with the model-switch rules:
 * what is kept, clamped or dropped, and whether the result is something the model takes.
 */
export function planShootout(
  values: ComposerValues,
  from: Model,
  targets: readonly Model[],
  options: SchemaOptions,
): ShootoutRow[] {
  const sent = buildVideoInput(from, values)
  const source = valuesFromInput(from, sent)
  const sentFields = Object.keys(sent).filter((field) => field !== 'model' && field !== 'prompt')
  return targets.map((model) => {
    const switched = switchModel(source, from, model)
    const checked = validateComposer(model, switched.values, options)
    const changed: string[] = []
    const dropped: string[] = []
    for (const [key, sentence] of switched.changesByKey) {
      const gone = key !== 'mode' && key !== 'prompt' && !model.fields[key as WireField] && !(key in checked.input)
      if (gone) dropped.push(label(key))
      else changed.push(sentence)
    }
    // A switch leaves unsaid what stays at its default; here every field sent is accounted for.
    const arrived = new Set(Object.keys(checked.input).map(label))
    const kept: string[] = []
    for (const field of sentFields.filter((f) => !switched.changesByKey.has(f))) {
      ;(arrived.has(label(field)) ? kept : dropped).push(label(field))
    }
    return {
      model,
      input: checked.input,
      kept,
      changed,
      dropped,
      problem: checked.ok ? undefined : checked.firstMessage,
    }
  })
}
