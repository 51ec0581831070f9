import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'

/*
 * A share link's token is `<id>.<secret>`: the id (64 random bits, hex) finds the link, the secret (256 random
 * bits, base64url) proves it. Only the secret's SHA-256 is stored, compared in constant time.
 */

const ID_BYTES = 8
const SECRET_BYTES = 32
const TOKEN = /^([0-9a-f]{16})\.([A-Za-z0-9_-]{43})$/

export interface NewShareToken {
  id: string
  secretHash: string
  token: string
}

export const hashSecret = (secret: string) => createHash('sha256').update(secret).digest('hex')

export function newShareToken(): NewShareToken {
  const id = randomBytes(ID_BYTES).toString('hex')
  const secret = randomBytes(SECRET_BYTES).toString('base64url')
  return { id, secretHash: hashSecret(secret), token: `${id}.${secret}` }
}

/** The token's two halves, or undefined when it is not shaped like one. */
export function parseShareToken(token: string): { id: string; secret: string } | undefined {
  const match = TOKEN.exec(token)
  return match ? { id: match[1]!, secret: match[2]! } : undefined
}

/** Whether `secret` hashes to `secretHash`, taking the same time whatever the answer. */
export function secretMatches(secret: string, secretHash: string): boolean {
  const expected = Buffer.from(secretHash, 'hex')
  const given = createHash('sha256').update(secret).digest()
  return expected.length === given.length && timingSafeEqual(given, expected)
}

/** What a log may say of a token: its id, never its secret. */
export const loggableToken = (token: string) => `${token.slice(0, 16)}.…`
