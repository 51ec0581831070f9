/*
 * Upstream text is never trusted to be free of the team's key. Redaction works on decoded values (after JSON
 * parsing, so `cs_live_\u0053…` is caught as the key it decodes to) and knows the key's other likely shapes:
 * base64 and base64url at each of the three byte alignments, percent-encoding, and any 8 characters of it in a
 * row (a key split in two, or cut short, still leaks no more than 7 characters at either end).
 */

const REDACTED = '[redacted]'
const FRAGMENT = 8

/** The part of base64(prefix + secret) that depends only on the secret, for each prefix length mod 3. */
function base64Forms(secret: string): string[] {
  const bytes = Buffer.from(secret)
  const forms: string[] = []
  for (let offset = 0; offset < 3; offset++) {
    const padded = Buffer.concat([Buffer.alloc(offset), bytes])
    const first = Math.ceil((offset * 8) / 6)
    const last = Math.floor(((offset + bytes.length) * 8) / 6)
    for (const encoding of ['base64', 'base64url'] as const) {
      forms.push(padded.toString(encoding).slice(first, last))
    }
  }
  return forms
}

function formsOf(secret: string): string[] {
  const fragments: string[] = []
  for (let i = 0; i + FRAGMENT <= secret.length; i++) fragments.push(secret.slice(i, i + FRAGMENT))
  // Longest first, so a whole key is replaced before its fragments are looked for.
  return [...new Set([secret, ...base64Forms(secret), ...fragments])].sort((a, b) => b.length - a.length)
}

export interface SecretScrubber {
  /** The text with every form of every secret replaced; the same string when there was nothing to hide. */
  text(value: string): string
  /** A copy of a parsed JSON value with every string (and key) scrubbed, or the value itself when clean. */
  value<T>(value: T): T
}

export function createSecretScrubber(secrets: readonly (string | undefined)[]): SecretScrubber {
  const forms = secrets.filter((s): s is string => !!s && s.length >= 8).flatMap(formsOf)
  const scrubText = (value: string): string => {
    let text = value
    if (text.includes('%')) {
      try {
        const decoded = decodeURIComponent(text)
        if (decoded !== text && scrubText(decoded) !== decoded) return REDACTED
      } catch {
        // Not percent-encoding after all.
      }
    }
    for (const form of forms) if (text.includes(form)) text = text.split(form).join(REDACTED)
    return text
  }
  const scrubValue = (value: unknown): unknown => {
    if (typeof value === 'string') return scrubText(value)
    if (Array.isArray(value)) {
      const items = value.map(scrubValue)
      return items.some((item, i) => item !== value[i]) ? items : value
    }
    if (value && typeof value === 'object') {
      let changed = false
      const entries = Object.entries(value).map(([k, v]) => {
        const [key, item] = [scrubText(k), scrubValue(v)]
        if (key !== k || item !== v) changed = true
        return [key, item] as const
      })
      return changed ? Object.fromEntries(entries) : value
    }
    return value
  }
  return { text: scrubText, value: <T>(value: T) => scrubValue(value) as T }
}
