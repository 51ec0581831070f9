import type { MiddlewareHandler } from 'hono'
import { isIP } from 'node:net'
import { fail } from './errors'

/*
 * DNS rebinding: a page at evil.example whose name is re-pointed at 127.0.0.1 is "same origin" with a studio
 * listening there, so its requests carry Host: evil.example. Refusing every Host that is not one of the studio's
 * own names closes that door. IP literals are always accepted: rebinding needs a name, and a browser never sends
 * an IP Host for a page served under a name.
 */

const HOST_NAME = /^(?=.{1,253}$)[a-z0-9_]([a-z0-9_-]{0,62})(\.[a-z0-9_]([a-z0-9_-]{0,62}))*$/

/** Loopback as HOST or an upstream's host: 127.0.0.0/8, ::1, localhost. */
export function isLoopbackHost(host: string): boolean {
  const h = host.toLowerCase().replace(/^\[|\]$/g, '')
  return h === 'localhost' || h === '::1' || (isIP(h) === 4 && h.startsWith('127.'))
}

/** STUDIO_ALLOWED_HOSTS: "studio.example.com, .example.org" (a leading dot also allows every subdomain). */
export function parseHostList(text: string): { hosts: string[] } | { error: string } {
  const hosts = text
    .split(',')
    .map((h) => h.trim().toLowerCase())
    .filter(Boolean)
  const bad = hosts.find((h) => !HOST_NAME.test(h.replace(/^\./, '')) && !isIP(h.replace(/^\[|\]$/g, '')))
  return bad === undefined
    ? { hosts }
    : { error: `has "${bad}", which is not a host name (write names only, e.g. studio.example.com, .example.org)` }
}

/** The host name (no port, lower case, IPv6 without brackets) a Host header names, or undefined if malformed. */
export function hostNameOf(header: string): string | undefined {
  if (!header || /[\s/\\@?#]/.test(header) || !URL.canParse(`http://${header}`)) return undefined
  return new URL(`http://${header}`).hostname.replace(/^\[|\]$/g, '').replace(/\.$/, '')
}

export function createHostPolicy(allowed: readonly string[]) {
  const exact = new Set(allowed.filter((h) => !h.startsWith('.')).map((h) => h.replace(/^\[|\]$/g, '')))
  const suffixes = allowed.filter((h) => h.startsWith('.'))
  return (hostname: string): boolean =>
    isIP(hostname) !== 0 || exact.has(hostname) || suffixes.some((s) => hostname.endsWith(s) || hostname === s.slice(1))
}

export type HostPolicy = ReturnType<typeof createHostPolicy>

/** The Host the browser used: behind a trusted proxy its X-Forwarded-Host, else the Host header. */
export function requestHost(request: Request, trustProxy: boolean): string {
  const forwarded = trustProxy ? request.headers.get('x-forwarded-host')?.split(',')[0]?.trim() : undefined
  return forwarded || (request.headers.get('host') ?? new URL(request.url).host)
}

/** Whether a request names a host the studio answers to. */
export function createHostCheck(isAllowed: HostPolicy, trustProxy: boolean): (request: Request) => boolean {
  // A studio sees a handful of Host values: each is judged once (parsing a URL per request shows in a poll's cost).
  const verdicts = new Map<string, boolean>()
  return (request) => {
    const host = requestHost(request, trustProxy)
    let verdict = verdicts.get(host)
    if (verdict === undefined) {
      const hostname = hostNameOf(host)
      verdict = hostname !== undefined && isAllowed(hostname)
      if (verdicts.size >= 1_000) verdicts.clear()
      verdicts.set(host, verdict)
    }
    return verdict
  }
}

/** 421 for a Host the studio does not answer to, before anything else runs. */
export function hostGuard(allowed: (request: Request) => boolean): MiddlewareHandler {
  return async (c, next) => {
    if (!allowed(c.req.raw)) {
      return fail(
        c,
        421,
        'host_not_allowed',
        'This studio does not answer to that host name. An operator can add it to STUDIO_ALLOWED_HOSTS.',
      )
    }
    await next()
  }
}
