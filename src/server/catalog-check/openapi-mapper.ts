import {
  literals,
  merged,
  objectOr,
  OpenApiUnreadable,
  resolve,
  variants,
  withoutNull,
  type Json,
} from './openapi-schema'

/** A request field as Cannon's OpenAPI describes it, in the terms the catalog uses. */
export type CannonField =
  | { kind: 'integer'; min?: number; max?: number; values?: number[] }
  | { kind: 'enum'; values: string[] }
  | { kind: 'boolean' }
  | { kind: 'text'; maxLength?: number }
  | { kind: 'url' }
  | { kind: 'url-list'; minItems?: number; maxItems?: number }

export interface CannonModel {
  fields: Map<string, CannonField>
  required: Set<string>
}

export interface CannonModels {
  models: Map<string, CannonModel>
  /** What could not be mapped, in plain words. */
  unmapped: string[]
}

const OPERATION = 'video.generate'
const CREATE_PATH = '/api/v1/requests'

const numberOr = (value: unknown) => (typeof value === 'number' ? value : undefined)

/** The lowest allowed integer: `minimum`, or `exclusiveMinimum` as 3.1 (a number) or 3.0 (a flag) writes it. */
function lowest(schema: Json): number | undefined {
  if (typeof schema.exclusiveMinimum === 'number') return Math.floor(schema.exclusiveMinimum) + 1
  const min = numberOr(schema.minimum)
  return min !== undefined && schema.exclusiveMinimum === true ? Math.floor(min) + 1 : min
}
function highest(schema: Json): number | undefined {
  if (typeof schema.exclusiveMaximum === 'number') return Math.ceil(schema.exclusiveMaximum) - 1
  const max = numberOr(schema.maximum)
  return max !== undefined && schema.exclusiveMaximum === true ? Math.ceil(max) - 1 : max
}

const defined = <T extends object>(value: T): T =>
  Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T

function mapField(doc: Json, name: string, raw: unknown): CannonField | undefined {
  const schema = withoutNull(doc, raw)
  const allowed = literals(schema)
  const type = schema.type ?? (allowed && typeof allowed[0])
  if (type === 'integer' || type === 'number') {
    const values = allowed?.filter((v): v is number => typeof v === 'number')
    return defined<CannonField>({
      kind: 'integer',
      min: lowest(schema),
      max: highest(schema),
      values: values?.length ? values : undefined,
    })
  }
  if (type === 'boolean') return { kind: 'boolean' }
  if (type === 'string') {
    const values = allowed?.filter((v): v is string => typeof v === 'string')
    if (values?.length) return { kind: 'enum', values }
    if (schema.format === 'uri' || schema.format === 'url' || name.endsWith('_url')) return { kind: 'url' }
    return defined<CannonField>({ kind: 'text', maxLength: numberOr(schema.maxLength) })
  }
  if (type === 'array') {
    const items = withoutNull(doc, schema.items)
    if (items.type !== 'string') return undefined
    return defined<CannonField>({
      kind: 'url-list',
      minItems: numberOr(schema.minItems),
      maxItems: numberOr(schema.maxItems),
    })
  }
  return undefined
}

/** The create body's schema for video.generate: by the discriminator's mapping, else by the operation's value. */
function videoRequestSchema(doc: Json): Json {
  const post = objectOr(objectOr(objectOr(doc.paths)[CREATE_PATH]).post)
  if (!Object.keys(post).length) throw new OpenApiUnreadable(`it has no POST ${CREATE_PATH}`)
  const body = resolve(doc, post.requestBody)
  const schema = objectOr(objectOr(objectOr(body.content)['application/json']).schema)
  if (!Object.keys(schema).length) throw new OpenApiUnreadable(`POST ${CREATE_PATH} has no JSON body schema`)
  const top = resolve(doc, schema)
  const discriminator = objectOr(top.discriminator)
  const mapped = objectOr(discriminator.mapping)[OPERATION]
  if (discriminator.propertyName === 'operation' && typeof mapped === 'string') return merged(doc, { $ref: mapped })
  const found = variants(doc, schema).find((v) =>
    literals(merged(doc, objectOr(v.properties).operation))?.includes(OPERATION),
  )
  if (!found) throw new OpenApiUnreadable(`no request body schema names the operation ${OPERATION}`)
  return found
}

/** Each input variant's model ids: the discriminator's mapping keys that lead to it, or its `model` values. */
function modelIdsOf(doc: Json, input: Json, variant: Json, index: number): string[] {
  const mapping = objectOr(objectOr(resolve(doc, input).discriminator).mapping)
  const choices = (resolve(doc, input).oneOf ?? resolve(doc, input).anyOf) as unknown[] | undefined
  const byMapping = Object.entries(mapping)
    .filter(([, ref]) => choices && objectOr(choices[index]).$ref === ref)
    .map(([id]) => id)
  if (byMapping.length) return byMapping
  const values = literals(withoutNull(doc, objectOr(variant.properties).model))
  return (values ?? []).filter((v): v is string => typeof v === 'string')
}

/**
 * Cannon's OpenAPI document, read for video.generate: each model id with the fields it takes, their allowed
 * values and ranges, and which are required. Throws OpenApiUnreadable when the document is not one it can read.
 */
export function mapCannonOpenApi(doc: unknown): CannonModels {
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc))
    throw new OpenApiUnreadable('it is not a JSON object')
  const root = doc as Json
  if (typeof root.openapi !== 'string' || !/^3\.[01]\./.test(root.openapi)) {
    throw new OpenApiUnreadable(`it is not an OpenAPI 3.0 or 3.1 document (openapi: ${JSON.stringify(root.openapi)})`)
  }
  const request = videoRequestSchema(root)
  const input = objectOr(objectOr(request.properties).input)
  if (!Object.keys(input).length) throw new OpenApiUnreadable(`the ${OPERATION} body has no input schema`)
  const unmapped: string[] = []
  const models = new Map<string, CannonModel>()
  variants(root, input).forEach((variant, index) => {
    const ids = modelIdsOf(root, input, variant, index)
    if (!ids.length) {
      unmapped.push(`an input variant (number ${index + 1}) names no model id`)
      return
    }
    const fields = new Map<string, CannonField>()
    for (const [name, schema] of Object.entries(objectOr(variant.properties))) {
      if (name === 'model') continue
      const field = mapField(root, name, schema)
      if (field) fields.set(name, field)
      else unmapped.push(`${ids.join(', ')}: the type of ${name} could not be read`)
    }
    const required = new Set((variant.required as string[] | undefined)?.filter((r) => r !== 'model') ?? [])
    for (const id of ids) models.set(id, { fields, required })
  })
  if (!models.size) throw new OpenApiUnreadable(`the ${OPERATION} input names no model ids`)
  return { models, unmapped }
}
