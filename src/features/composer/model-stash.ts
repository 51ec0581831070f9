import { type Model } from '@/catalog/catalog-schema'
import { FIELD_LABELS, type WireField } from '@/catalog/wire-fields'
import { mediaSlotsOf } from '@/catalog/modes'
import type { ComposerValues } from './form-values'
import { applyRules, describeSwitch, switchModel } from './model-switch'

/** A model's values as the creative left it, and the roles edited since (those do not come back). */
interface KeptAside {
  values: ComposerValues
  edited: readonly string[]
}

/** Per model id, what a switch away from it kept aside. */
export type ModelStash = Readonly<Record<string, KeptAside>>

export const EMPTY_STASH: ModelStash = {}

/**
 * The part a form key plays, the same on every model: a model's First frame is another's First frame whatever
 * its wire field, and the seed lock goes with the seed.
 */
export function roleOf(key: string): string {
  if (key === 'mode') return 'Mode'
  if (key === 'seedLocked') return FIELD_LABELS.seed
  return FIELD_LABELS[key as WireField] ?? key
}

/** The form keys that are a model's own; the prompt is not among them, as every switch carries it. */
function ownKeys(model: Model): string[] {
  const fields = Object.keys(model.fields).filter((field) => field !== 'prompt')
  const lock = model.fields.seed ? ['seedLocked'] : []
  return ['mode', ...fields, ...mediaSlotsOf(model).map((slot) => slot.field), ...lock]
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b)

/** The creative changed `key` by hand: a value of that role kept aside for any model no longer comes back. */
export function noteEdit(stash: ModelStash, key: string): ModelStash {
  const role = roleOf(key)
  const entries = Object.entries(stash)
  if (entries.every(([, kept]) => kept.edited.includes(role))) return stash
  return Object.fromEntries(
    entries.map(([id, kept]) => [id, { ...kept, edited: [...new Set([...kept.edited, role])] }]),
  )
}

/** Values on arriving at `model`: what it kept aside comes back, unless the creative has changed that role since. */
function bringBack(kept: KeptAside | undefined, model: Model, arriving: ComposerValues) {
  const values: ComposerValues = { ...arriving }
  const restored = new Set<string>()
  if (!kept) return { values, restored: [] }
  for (const key of ownKeys(model)) {
    const role = roleOf(key)
    if (kept.edited.includes(role) || same(kept.values[key], values[key])) continue
    if (kept.values[key] === undefined) delete values[key]
    else values[key] = kept.values[key]
    restored.add(role)
  }
  // What came back fitted the values it was left with; a value carried in may call for a rule again.
  applyRules(model, values)
  return { values, restored: [...restored] }
}

export interface StashedSwitch {
  values: ComposerValues
  stash: ModelStash
  /** The switch notice. */
  message: string
}

/**
 * Switches models without losing work: `from`'s values are kept aside, and `to`'s own come back where the
 * creative has not changed them since leaving it (also after a detour through several models).
 */
export function switchWithStash(stash: ModelStash, current: ComposerValues, from: Model, to: Model): StashedSwitch {
  const result = switchModel(current, from, to)
  const { [to.id]: kept, ...others } = stash
  const back = bringBack(kept, to, result.values)
  const restoredRoles = new Set(back.restored)
  const changes = [...result.changesByKey].filter(([key]) => !restoredRoles.has(roleOf(key))).map(([, text]) => text)
  return {
    values: back.values,
    stash: { ...others, [from.id]: { values: current, edited: [] } },
    message: describeSwitch(to, changes, back.restored),
  }
}
