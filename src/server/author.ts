import type { Context } from 'hono'
import { type Me } from '@/catalog/credits-contract'
import { AUTHOR_HEADER, AUTHOR_NAME } from '@/catalog/author-name'
import type { BffEnv } from './bff-env'

/**
 * Who is making a request: the holder of a named token (verified), else the display name the browser sends in
 * `x-studio-author` (percent-encoded UTF-8, so any script fits in a header), which nobody vouches for. An
 * `error` when that header is there but not a name.
 */
export function whoIsAsking(c: Context<BffEnv>): Me | { error: string } {
  const signIn = c.get('signIn') ?? 'open'
  const named = c.get('signedInAs')
  if (named !== undefined) return { signIn, author: named, authorVerified: true }
  const header = c.req.header(AUTHOR_HEADER)
  if (header === undefined || header.trim() === '') return { signIn, author: null, authorVerified: false }
  let name: string
  try {
    name = decodeURIComponent(header).trim()
  } catch {
    return { error: `${AUTHOR_HEADER} is not percent-encoded UTF-8` }
  }
  if (!AUTHOR_NAME.test(name)) {
    return {
      error: `${AUTHOR_HEADER} must be 1–40 letters, digits, spaces or . ' _ -, starting with a letter or digit`,
    }
  }
  return { signIn, author: name, authorVerified: false }
}
