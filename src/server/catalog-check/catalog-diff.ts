import type { Catalog, FieldSpec, Model } from '@/catalog/catalog-schema'
import type { CatalogDifference } from '@/catalog/fidelity-contract'
import { mediaSlotsOf } from '@/catalog/modes'
import type { CannonField, CannonModel, CannonModels } from './openapi-mapper'

/** A media slot's field as the catalog offers it across the model's modes. */
interface SlotView {
  kind: 'url' | 'url-list'
  minItems?: number
  maxItems?: number
  /** Required in every mode, so always sent. */
  always: boolean
}

function slotViews(model: Model): Map<string, SlotView> {
  const views = new Map<string, SlotView>()
  for (const slot of mediaSlotsOf(model)) {
    const everyMode = model.modes.every((mode) => mode.media.some((s) => s.field === slot.field && s.required))
    const list = slot.maxItems !== undefined || slot.minItems !== undefined
    const known = views.get(slot.field)
    views.set(slot.field, {
      kind: list ? 'url-list' : 'url',
      minItems: slot.minItems ?? known?.minItems,
      maxItems: Math.max(slot.maxItems ?? 0, known?.maxItems ?? 0) || undefined,
      always: everyMode,
    })
  }
  return views
}

/** Whether the studio sends the field in every create: a required text, an enum, a toggle, a number with a default. */
function alwaysSent(spec: FieldSpec): boolean {
  if (spec.type === 'text') return spec.required
  return spec.type !== 'integer' || spec.default !== undefined
}

const list = (values: readonly unknown[]) => values.map(String).join(', ')

function specValues(spec: FieldSpec): number[] | undefined {
  if (spec.type !== 'integer') return undefined
  if (spec.values) return spec.values
  return spec.max - spec.min <= 60 ? Array.from({ length: spec.max - spec.min + 1 }, (_, i) => spec.min + i) : undefined
}

/** How one field the catalog and Cannon both know differs, in plain words (empty when it does not). */
function fieldDifferences(name: string, spec: FieldSpec, cannon: CannonField): Array<Omit<CatalogDifference, 'model'>> {
  const out: Array<Omit<CatalogDifference, 'model'>> = []
  const kindOf = spec.type === 'integer' ? 'integer' : spec.type
  if (kindOf !== cannon.kind) {
    return [{ kind: 'values', message: `${name} is ${kindOf} in the catalog, ${cannon.kind} at Cannon` }]
  }
  if (spec.type === 'enum' && cannon.kind === 'enum') {
    const extra = spec.values.filter((v) => !cannon.values.includes(v))
    const missing = cannon.values.filter((v) => !spec.values.includes(v))
    if (extra.length) out.push({ kind: 'values', message: `${name}: Cannon does not list ${list(extra)}` })
    if (missing.length) out.push({ kind: 'values', message: `${name}: Cannon also allows ${list(missing)}` })
  }
  if (spec.type === 'integer' && cannon.kind === 'integer') {
    if (cannon.values) {
      const ours = specValues(spec) ?? []
      const extra = ours.filter((v) => !cannon.values!.includes(v))
      const missing = cannon.values.filter((v) => !ours.includes(v))
      if (extra.length) out.push({ kind: 'values', message: `${name}: Cannon does not list ${list(extra)}` })
      if (missing.length) out.push({ kind: 'values', message: `${name}: Cannon also allows ${list(missing)}` })
    } else if ((cannon.min ?? spec.min) !== spec.min || (cannon.max ?? spec.max) !== spec.max) {
      out.push({
        kind: 'range',
        message: `${name}: the catalog allows ${spec.min}–${spec.max}, Cannon ${cannon.min ?? '…'}–${cannon.max ?? '…'}`,
      })
    }
  }
  if (spec.type === 'text' && cannon.kind === 'text' && cannon.maxLength !== undefined) {
    if (cannon.maxLength !== spec.maxLength) {
      out.push({
        kind: 'range',
        message: `${name}: at most ${spec.maxLength} characters here, ${cannon.maxLength} at Cannon`,
      })
    }
  }
  return out
}

function slotDifferences(name: string, slot: SlotView, cannon: CannonField): Array<Omit<CatalogDifference, 'model'>> {
  if (slot.kind !== cannon.kind) {
    return [{ kind: 'values', message: `${name} is a ${slot.kind} in the catalog, a ${cannon.kind} at Cannon` }]
  }
  if (cannon.kind === 'url-list' && cannon.maxItems !== undefined && cannon.maxItems !== slot.maxItems) {
    return [
      { kind: 'range', message: `${name}: at most ${slot.maxItems ?? '…'} items here, ${cannon.maxItems} at Cannon` },
    ]
  }
  return []
}

function modelDifferences(model: Model, cannon: CannonModel): Array<Omit<CatalogDifference, 'model'>> {
  const out: Array<Omit<CatalogDifference, 'model'>> = []
  const slots = slotViews(model)
  const ours = new Set([...Object.keys(model.fields), ...slots.keys()])
  for (const name of ours) {
    const theirs = cannon.fields.get(name)
    if (!theirs) {
      out.push({ kind: 'missing-field', message: `Cannon does not list ${name}, which the catalog sends` })
      continue
    }
    const spec = model.fields[name as keyof Model['fields']]
    out.push(...(spec ? fieldDifferences(name, spec, theirs) : slotDifferences(name, slots.get(name)!, theirs)))
  }
  for (const name of cannon.fields.keys()) {
    if (!ours.has(name))
      out.push({ kind: 'unknown-field', message: `Cannon takes ${name}, which the catalog does not offer` })
  }
  for (const name of cannon.required) {
    const spec = model.fields[name as keyof Model['fields']]
    const sent = spec ? alwaysSent(spec) : slots.get(name)?.always
    if (ours.has(name) && !sent)
      out.push({ kind: 'required', message: `Cannon requires ${name}; the catalog may leave it out` })
  }
  const prompt = model.fields.prompt
  if (prompt?.type === 'text' && prompt.required && cannon.fields.has('prompt') && !cannon.required.has('prompt')) {
    out.push({ kind: 'required', message: 'the catalog requires prompt; Cannon does not' })
  }
  return out
}

/** Per model, how the effective catalog differs from what Cannon's OpenAPI says. */
export function diffCatalog(catalog: Catalog, cannon: CannonModels): CatalogDifference[] {
  const out: CatalogDifference[] = []
  for (const model of catalog.models) {
    const theirs = cannon.models.get(model.id)
    if (!theirs) {
      out.push({ model: model.id, kind: 'missing-model', message: `Cannon does not list the model id ${model.id}` })
      continue
    }
    out.push(...modelDifferences(model, theirs).map((d) => ({ model: model.id, ...d })))
  }
  const ours = new Set(catalog.models.map((m) => m.id))
  for (const id of cannon.models.keys()) {
    if (!ours.has(id))
      out.push({ model: id, kind: 'unknown-model', message: `Cannon offers ${id}, which the catalog does not have` })
  }
  return out
}
