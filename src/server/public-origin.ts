import type { Context } from 'hono'
import { servedOverHttps } from './security-headers'

/**
 * The studio's address as the people it serves reach it: STUDIO_PUBLIC_URL when set, else the scheme and host the
 * request came to (the forwarded ones behind a trusted proxy). Links the studio hands out are built on it.
 */
export function publicOrigin(c: Context, { publicUrl, trustProxy }: { publicUrl?: string; trustProxy: boolean }) {
  if (publicUrl) return publicUrl.replace(/\/+$/, '')
  const forwardedHost = trustProxy ? c.req.header('x-forwarded-host')?.split(',')[0]?.trim() : undefined
  const host = forwardedHost || c.req.header('host') || new URL(c.req.url).host
  return `${servedOverHttps(c.req.raw, trustProxy) ? 'https' : 'http'}://${host}`
}
