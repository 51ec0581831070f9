import { type FieldSpec, type Model } from '@/catalog/catalog-schema'
import { FIELD_LABELS, integerAllows, type WireField } from '@/catalog/wire-fields'
import { mediaSlotsOf } from '@/catalog/modes'
import { counterpartSlot, defaultValues, findMode, isEmpty, type ComposerValues } from './form-values'

export interface SwitchResult {
  values: ComposerValues
  /** What changed, one human sentence each, e.g. "Duration 10 s → 8 s". */
  changes: string[]
  /** The same sentences by the form key they are about (`mode`, `duration`, a media field). */
  changesByKey: ReadonlyMap<string, string>
}

function show(spec: FieldSpec | undefined, value: unknown): string {
  if (typeof value === 'boolean') return value ? 'on' : 'off'
  if (spec?.type === 'integer' && spec.unit) return `${String(value)} ${spec.unit}`
  return String(value)
}

/** The allowed value closest to `value` (ties go to the smaller), or the spec's default. */
function conform(spec: FieldSpec, value: unknown): unknown {
  switch (spec.type) {
    case 'text':
      return typeof value === 'string' ? value : undefined
    case 'boolean':
      return typeof value === 'boolean' ? value : spec.default
    case 'enum':
      return typeof value === 'string' && spec.values.includes(value) ? value : spec.default
    case 'integer': {
      if (typeof value !== 'number' || !Number.isFinite(value)) return spec.default
      if (integerAllows(spec, value)) return value
      const candidates = spec.values ?? [Math.min(spec.max, Math.max(spec.min, Math.round(value)))]
      return candidates.reduce((best, next) => (Math.abs(next - value) < Math.abs(best - value) ? next : best))
    }
  }
}

/**
 * Applies the model's cross-field rules the way a person would: the dependent field takes the first value
 * the rule allows (e.g. Veo 3.1 reference images → 8 s). Returns the reason for each field it changed.
 */
export function applyRules(model: Model, values: ComposerValues): Map<WireField, string> {
  const reasons = new Map<WireField, string>()
  const current = (field: string) => {
    if (field === 'mode') return values.mode
    const spec = model.fields[field as WireField]
    return values[field] ?? (spec && 'default' in spec ? spec.default : undefined)
  }
  for (const rule of model.rules) {
    if (current(rule.when.field) !== rule.when.equals) continue
    if (rule.then.oneOf.includes(current(rule.then.field) as string | number | boolean)) continue
    values[rule.then.field as string] = rule.then.oneOf[0]
    reasons.set(rule.then.field, rule.message)
  }
  return reasons
}

function describeChange(model: Model, field: WireField, before: unknown, after: unknown, reason?: string) {
  const spec = model.fields[field]
  const what = before === undefined ? `set to ${show(spec, after)}` : `${show(spec, before)} → ${show(spec, after)}`
  return `${FIELD_LABELS[field]} ${what}${reason ? `: ${reason}` : ''}`
}

/** Switches the form to another model: valid values stay, the rest are clamped or dropped, and said so. */
export function switchModel(current: ComposerValues, from: Model, to: Model): SwitchResult {
  const before = current
  const fromDefaults = defaultValues(from)
  const next: ComposerValues = { ...defaultValues(to), prompt: current.prompt }
  // One sentence per field; a later reason for the same field (a rule) replaces an earlier one (a clamp).
  const changes = new Map<string, string>()

  const fromMode = findMode(from, current.mode)
  const sameMode = to.modes.find((mode) => mode.id === fromMode.id)
  next.mode = sameMode?.id ?? to.modes[0]!.id
  if (!sameMode) {
    changes.set('mode', `Mode ${fromMode.label} → ${to.modes[0]!.label}: ${to.name} has no ${fromMode.label} mode`)
  }

  for (const name of Object.keys(from.fields) as WireField[]) {
    const value = before[name]
    const target = to.fields[name]
    if (name === 'prompt' || value === undefined) continue
    if (target) {
      next[name as string] = conform(target, value)
      if (next[name] !== value) changes.set(name, describeChange(to, name, value, next[name]))
    } else if (!isEmpty(value) && value !== fromDefaults[name]) {
      changes.set(name, `${FIELD_LABELS[name]} removed: ${to.name} does not support it`)
    }
  }

  for (const slot of mediaSlotsOf(from)) {
    const value = before[slot.field]
    if (isEmpty(value)) continue
    const target = counterpartSlot(to, slot.field)
    if (!target) {
      changes.set(slot.field, `${FIELD_LABELS[slot.field]} removed: ${to.name} does not support it`)
    } else if (Array.isArray(value) && target.maxItems !== undefined && value.length > target.maxItems) {
      next[target.field as string] = value.slice(0, target.maxItems)
      changes.set(
        slot.field,
        `${FIELD_LABELS[target.field]} ${value.length} → ${target.maxItems}: ${to.name} takes at most ${target.maxItems}`,
      )
    } else {
      next[target.field as string] = value
    }
  }

  for (const [field, reason] of applyRules(to, next)) {
    changes.set(field, describeChange(to, field, before[field] ?? fromDefaults[field], next[field], reason))
  }
  if (current.seedLocked === true && next.seed !== undefined) next.seedLocked = true

  const prompt = to.fields.prompt
  if (prompt?.type === 'text' && current.prompt.length > prompt.maxLength) {
    changes.set('prompt', `Prompt is over ${to.name}'s ${prompt.maxLength} characters: shorten it before generating`)
  }
  return { values: next, changes: [...changes.values()], changesByKey: changes }
}

/** Switches mode within a model, applying the rules that depend on the mode. */
export function switchMode(current: ComposerValues, model: Model, modeId: string): SwitchResult {
  const next: ComposerValues = { ...current, mode: modeId }
  const changes = new Map<string, string>()
  for (const [field, reason] of applyRules(model, next)) {
    changes.set(field, describeChange(model, field, current[field], next[field], reason))
  }
  return { values: next, changes: [...changes.values()], changesByKey: changes }
}

/** The switch notice: what came back as the creative left it, then what changed. */
export function describeSwitch(to: Model, changes: readonly string[], restored: readonly string[] = []): string {
  const parts =
    restored.length > 0
      ? [`${restored.join(', ')} back as you left ${restored.length === 1 ? 'it' : 'them'}`, ...changes]
      : changes
  return parts.length === 0
    ? `Switched to ${to.name}; every value carried over.`
    : `Switched to ${to.name}. ${parts.join('; ')}.`
}
