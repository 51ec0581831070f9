import { describe, expect, it } from 'vitest'
import { hashSecret, loggableToken, newShareToken, parseShareToken, secretMatches } from './share-tokens'

describe('share tokens', () => {
  it('carry a 64-bit id and a 256-bit secret, and only the secret’s hash is kept', () => {
    const made = newShareToken()
    const parsed = parseShareToken(made.token)!
    expect(parsed.id).toBe(made.id)
    expect(Buffer.from(parsed.secret, 'base64url')).toHaveLength(32)
    expect(made.secretHash).toBe(hashSecret(parsed.secret))
    expect(made.secretHash).not.toContain(parsed.secret)
    expect(secretMatches(parsed.secret, made.secretHash)).toBe(true)
  })

  it('are different every time', () => {
    const tokens = new Set(Array.from({ length: 200 }, () => newShareToken().token))
    expect(tokens.size).toBe(200)
  })

  it('refuse a wrong, altered or malformed secret', () => {
    const made = newShareToken()
    const { secret } = parseShareToken(made.token)!
    const altered = `${secret.slice(0, -1)}${secret.endsWith('A') ? 'B' : 'A'}`
    expect(secretMatches(altered, made.secretHash)).toBe(false)
    expect(secretMatches('', made.secretHash)).toBe(false)
    expect(secretMatches(secret, 'not-hex')).toBe(false)
    for (const bad of ['', made.id, `${made.id}.`, `${made.id}.${secret}x`, `G${made.id.slice(1)}.${secret}`, '../etc'])
      expect(parseShareToken(bad), bad).toBeUndefined()
  })

  it('show only their id in logs', () => {
    const made = newShareToken()
    expect(loggableToken(made.token)).toBe(`${made.id}.…`)
    expect(loggableToken(made.token)).not.toContain(parseShareToken(made.token)!.secret)
  })
})
