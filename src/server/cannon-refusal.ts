/*
 * What a refusal of Cannon's names. Its error body is undocumented (cannon-api.md §3): the field is read from
 * error.field, field, param or path, in either form (`duration`, `input.duration`, `/input/reference_image_urls/0`).
 */

const FIELD_KEYS = ['field', 'param', 'path'] as const

function rawField(body: unknown): unknown {
  if (!body || typeof body !== 'object') return undefined
  const b = body as Record<string, unknown>
  const error = b.error && typeof b.error === 'object' ? (b.error as Record<string, unknown>) : {}
  for (const key of FIELD_KEYS) {
    const value = error[key] ?? b[key]
    if (value !== undefined) return value
  }
  return undefined
}

/** The input field a refusal names, as the wire names it (`duration`), or undefined. */
export function refusedField(body: unknown): string | undefined {
  const raw = rawField(body)
  const text = Array.isArray(raw) ? raw.join('.') : raw
  if (typeof text !== 'string') return undefined
  const parts = text
    .replace(/\[(\d+)\]/g, '.$1')
    .split(/[./]/)
    .filter((p) => p !== '' && !/^\d+$/.test(p))
  const field = parts[0] === 'input' ? parts[1] : parts[0]
  return field && /^[a-z][a-z0-9_]*$/i.test(field) ? field : undefined
}

/**
 * Whether a refusal speaks about the model rather than one creative's input: it names the model field, the
 * model's id, or a setting's value (an unsupported duration, an unknown resolution). A missing or malformed
 * prompt is about the input and is not kept.
 */
export function namesModelOrValue(field: string | undefined, message: string, input: Record<string, unknown>): boolean {
  // About what the creative wrote (its length, its content): never the model's fault, even when the message
  // names the model ("Grok refused: the prompt names a real person").
  if (field === 'prompt' || field === 'negative_prompt') return false
  if (!field && /\b(prompt|content|policy|safety)\b/i.test(message)) return false
  const model = String(input.model ?? '')
  if (field === 'model' || (model && new RegExp(`\\b${escapeRegExp(model)}\\b`, 'i').test(message))) return true
  if (/\b(unknown|unsupported|not supported|not available|invalid) model\b/i.test(message)) return true
  if (!field) return false
  const value = input[field]
  return (
    typeof value === 'number' || typeof value === 'boolean' || (typeof value === 'string' && !value.includes('://'))
  )
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
