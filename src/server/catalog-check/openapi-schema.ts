/*
 * Reading JSON Schema as OpenAPI 3.0 and 3.1 write it: local $refs, allOf merged, nullable in either spelling,
 * const or a one-value enum. Plain objects in, plain objects out: no network, no Node.
 */

export type Json = Record<string, unknown>

export class OpenApiUnreadable extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'OpenApiUnreadable'
  }
}

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value)

/** `#/components/schemas/X` in `doc`, followed until it is not a $ref (a loop is unreadable). */
export function resolve(doc: Json, schema: unknown, seen: ReadonlySet<string> = new Set()): Json {
  if (!isObject(schema)) return {}
  const ref = schema.$ref
  if (typeof ref !== 'string') return schema
  if (!ref.startsWith('#/')) throw new OpenApiUnreadable(`cannot follow the external reference ${ref}`)
  if (seen.has(ref)) throw new OpenApiUnreadable(`the reference ${ref} refers to itself`)
  let target: unknown = doc
  for (const part of ref.slice(2).split('/')) {
    const key = part.replace(/~1/g, '/').replace(/~0/g, '~')
    target = isObject(target) ? target[key] : undefined
  }
  if (!isObject(target)) throw new OpenApiUnreadable(`the reference ${ref} leads nowhere`)
  return resolve(doc, target, new Set([...seen, ref]))
}

// Deeper than any real document nests: past it, an allOf or oneOf that comes back to itself is a loop.
const MAX_DEPTH = 32

function checkDepth(depth: number) {
  if (depth > MAX_DEPTH) throw new OpenApiUnreadable(`a schema nests more than ${MAX_DEPTH} levels deep (a loop?)`)
}

/** `allOf` folded into one schema: properties and required lists joined, other keywords from the last part. */
export function merged(doc: Json, schema: unknown, depth = 0): Json {
  checkDepth(depth)
  const base = resolve(doc, schema)
  if (!Array.isArray(base.allOf)) return base
  const { allOf, ...rest } = base
  const parts = [...(allOf as unknown[]).map((part) => merged(doc, part, depth + 1)), rest]
  const properties: Json = {}
  const required: string[] = []
  let out: Json = {}
  for (const part of parts) {
    const { properties: props, required: req, ...keywords } = part
    out = { ...out, ...keywords }
    if (isObject(props)) Object.assign(properties, props)
    if (Array.isArray(req)) required.push(...req.filter((r): r is string => typeof r === 'string'))
  }
  return { ...out, properties, required: [...new Set(required)] }
}

/** The variants of a oneOf/anyOf (nested ones flattened), or the schema itself. */
export function variants(doc: Json, schema: unknown, depth = 0): Json[] {
  checkDepth(depth)
  const base = merged(doc, schema, depth)
  const choices = base.oneOf ?? base.anyOf
  if (!Array.isArray(choices)) return [base]
  return choices.flatMap((choice) => variants(doc, choice, depth + 1))
}

const isNullSchema = (schema: Json) => schema.type === 'null' || (schema.enum as unknown[] | undefined)?.[0] === null

/** A property schema without its "or null" (3.0 `nullable`, 3.1 `type: [x, "null"]`, `anyOf: [x, {type: null}]`). */
export function withoutNull(doc: Json, schema: unknown): Json {
  const base = merged(doc, schema)
  const choices = base.oneOf ?? base.anyOf
  if (Array.isArray(choices)) {
    const real = choices.map((c) => merged(doc, c)).filter((c) => !isNullSchema(c))
    if (real.length === 1) return withoutNull(doc, real[0])
    return base
  }
  if (Array.isArray(base.type)) {
    const types = base.type.filter((t) => t !== 'null')
    return { ...base, type: types.length === 1 ? types[0] : types }
  }
  return base
}

/** The literal values a schema allows (`const` or `enum`), or undefined when it allows any. */
export function literals(schema: Json): unknown[] | undefined {
  if ('const' in schema) return [schema.const]
  return Array.isArray(schema.enum) ? schema.enum.filter((v) => v !== null) : undefined
}

export const objectOr = (value: unknown): Json => (isObject(value) ? value : {})
