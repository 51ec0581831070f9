import {
  catalogSchema,
  type Catalog,
  type FieldSpec,
  type MediaSlot,
  type Model,
  type Rule,
  type Source,
} from '@/catalog/catalog-schema'
import { FIELD_LABELS, type WireField } from '@/catalog/wire-fields'
import type { CannonField, CannonModel, CannonModels } from './openapi-mapper'

export interface Correction {
  catalog: Catalog
  /** What was left as it was and needs a person, in plain words. */
  byHand: string[]
}

const isWireField = (name: string): name is WireField => name in FIELD_LABELS

/** The catalog's field with Cannon's values and range; undefined when Cannon's kind does not fit a field. */
function corrected(spec: FieldSpec | undefined, cannon: CannonField, source: Source): FieldSpec | undefined {
  if (cannon.kind === 'enum') {
    const fallback = spec?.type === 'enum' && cannon.values.includes(spec.default) ? spec.default : cannon.values[0]!
    return { type: 'enum', values: cannon.values, default: fallback, source }
  }
  if (cannon.kind === 'boolean')
    return { type: 'boolean', default: spec?.type === 'boolean' ? spec.default : false, source }
  if (cannon.kind === 'text') {
    const maxLength = cannon.maxLength ?? (spec?.type === 'text' ? spec.maxLength : undefined)
    if (maxLength === undefined) return undefined
    return { type: 'text', required: spec?.type === 'text' && spec.required, maxLength, source }
  }
  if (cannon.kind === 'integer') {
    const ours = spec?.type === 'integer' ? spec : undefined
    const min = cannon.values ? Math.min(...cannon.values) : (cannon.min ?? ours?.min)
    const max = cannon.values ? Math.max(...cannon.values) : (cannon.max ?? ours?.max)
    if (min === undefined || max === undefined) return undefined
    const allows = (v: number) => v >= min && v <= max && (!cannon.values || cannon.values.includes(v))
    const fallback = ours?.default !== undefined && allows(ours.default) ? ours.default : cannon.values?.[0]
    return {
      type: 'integer',
      min,
      max,
      ...(cannon.values ? { values: cannon.values } : {}),
      ...(fallback !== undefined && (ours?.default !== undefined || cannon.values) ? { default: fallback } : {}),
      ...(ours?.unit ? { unit: ours.unit } : {}),
      source,
    }
  }
  return undefined
}

/** A list slot with the number of items Cannon allows. */
function withCannonItems(slot: MediaSlot, cannon: CannonModel, source: Source): MediaSlot {
  const theirs = cannon.fields.get(slot.field)
  if (theirs?.kind !== 'url-list' || slot.maxItems === undefined) return slot
  const maxItems = theirs.maxItems ?? slot.maxItems
  const minItems = Math.min(theirs.minItems ?? slot.minItems ?? 1, maxItems)
  return { ...slot, minItems, maxItems, source }
}

/** A rule still makes sense when the fields and values it names are all still offered. */
function ruleHolds(rule: Rule, model: Model): boolean {
  const offers = (field: string, value: unknown) => {
    const spec = model.fields[field as WireField]
    if (!spec) return false
    if (spec.type === 'enum') return spec.values.includes(value as string)
    return spec.type !== 'integer' || spec.values === undefined || spec.values.includes(value as number)
  }
  const when = rule.when.field === 'mode' || offers(rule.when.field, rule.when.equals)
  return when && rule.then.oneOf.some((value) => offers(rule.then.field, value))
}

function correctModel(model: Model, cannon: CannonModel, source: Source, byHand: string[]): Model {
  const fields: Model['fields'] = {}
  for (const [name, spec] of Object.entries(model.fields) as Array<[WireField, FieldSpec]>) {
    const theirs = cannon.fields.get(name)
    const next = theirs && corrected(spec, theirs, source)
    if (next) fields[name] = next
    else if (theirs) byHand.push(`${model.id}.${name}: Cannon describes it as ${theirs.kind}; left as it was`)
  }
  for (const [name, theirs] of cannon.fields) {
    if (name in fields || name in model.fields) continue
    const isSlot = model.modes.some((mode) => mode.media.some((slot) => slot.field === name))
    if (isSlot) continue
    const next =
      isWireField(name) && theirs.kind !== 'url' && theirs.kind !== 'url-list' && corrected(undefined, theirs, source)
    if (next) fields[name as WireField] = next
    else byHand.push(`${model.id}: Cannon takes ${name}; add it to a mode or field by hand`)
  }
  if (cannon.required.has('prompt') && fields.prompt?.type === 'text') fields.prompt.required = true
  // A mode that needs media Cannon does not take cannot be rendered; media it does not list is dropped.
  const modes = model.modes
    .filter((mode) => mode.media.every((slot) => !slot.required || cannon.fields.has(slot.field)))
    .map((mode) => ({
      ...mode,
      media: mode.media
        .filter((slot) => cannon.fields.has(slot.field))
        .map((slot) => withCannonItems(slot, cannon, source)),
    }))
  const next: Model = { ...model, idInferred: false, source, fields, modes: modes.length ? modes : [model.modes[0]!] }
  if (next.availability?.status === 'unverified') delete next.availability
  return { ...next, rules: model.rules.filter((rule) => ruleHolds(rule, next)) }
}

/**
 * The catalog corrected by Cannon's OpenAPI: ids Cannon lists are confirmed and take its fields, values and
 * ranges (each with Cannon as its source); ids it does not list stay composable, marked unverified (Cannon
 * decides at render time). What cannot be corrected safely is listed for a person.
 */
export function correctCatalog(catalog: Catalog, cannon: CannonModels, checkedOn: string): Correction {
  const byHand: string[] = []
  const source: Source = { evidence: 'documented', line: `Cannon's OpenAPI document, read ${checkedOn}` }
  const models = catalog.models.map((model) => {
    const theirs = cannon.models.get(model.id)
    if (theirs) return correctModel(model, theirs, source, byHand)
    const status = model.availability?.status === 'retired-upstream' ? 'retired-upstream' : 'unverified'
    return {
      ...model,
      availability: {
        status,
        note: `Cannon's OpenAPI did not list ${model.id} on ${checkedOn}; Cannon may refuse it.`,
      },
    }
  })
  const ours = new Set(catalog.models.map((m) => m.id))
  for (const id of cannon.models.keys()) {
    if (!ours.has(id)) byHand.push(`${id}: Cannon offers it; add it to the catalog by hand (name, one line, modes)`)
  }
  const parsed = catalogSchema.safeParse({ ...catalog, models })
  if (!parsed.success) {
    const problems = parsed.error.issues.slice(0, 5).map((i) => `${i.path.join('.')}: ${i.message}`)
    throw new Error(`The corrected catalog is not valid, so nothing was written:\n${problems.join('\n')}`)
  }
  return { catalog: parsed.data, byHand }
}
