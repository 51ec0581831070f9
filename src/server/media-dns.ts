import { lookup as systemLookup } from 'node:dns/promises'
import { isIP } from 'node:net'
import { isBlockedAddress, type MediaHostCheck } from './media-policy'

type Lookup = (hostname: string) => Promise<{ address: string }[]>

interface DnsCheckOptions {
  /** The system resolver by default, as the fetcher would use it (honours /etc/hosts). */
  lookup?: Lookup
  timeoutMs?: number
  /** How long an answer is reused. */
  ttlMs?: number
  maxEntries?: number
  now?: () => number
}

const defaultLookup: Lookup = (hostname) => systemLookup(hostname, { all: true, verbatim: true })

/**
 * Live mode's check of where a media host name points: every address it resolves to must be public, and it must
 * resolve within the timeout. Answers are cached briefly. This narrows what the studio forwards; the final guard
 * belongs at the fetcher (Cannon), which resolves the name again when it downloads.
 */
export function createDnsHostCheck(options: DnsCheckOptions = {}): MediaHostCheck {
  const { lookup = defaultLookup, timeoutMs = 2_000, ttlMs = 60_000, maxEntries = 1_000, now = Date.now } = options
  const cache = new Map<string, { atMs: number; problem: string | undefined }>()

  async function resolve(hostname: string): Promise<string | undefined> {
    let timer: ReturnType<typeof setTimeout> | undefined
    const timeout = new Promise<'timeout'>((done) => (timer = setTimeout(() => done('timeout'), timeoutMs)))
    try {
      const answer = await Promise.race([lookup(hostname), timeout])
      if (answer === 'timeout') return `host name did not resolve within ${timeoutMs / 1000} s`
      if (answer.length === 0) return 'host name does not resolve'
      return answer.some((a) => isBlockedAddress(a.address))
        ? 'must point to a public host, but its name resolves to a private, loopback or metadata address'
        : undefined
    } catch {
      return 'host name does not resolve'
    } finally {
      clearTimeout(timer)
    }
  }

  return async (hostname) => {
    if (isIP(hostname.replace(/^\[|\]$/g, '')) !== 0) return undefined // literals were judged by their form
    const cached = cache.get(hostname)
    if (cached && now() - cached.atMs < ttlMs) return cached.problem
    const problem = await resolve(hostname)
    if (cache.size >= maxEntries) cache.delete(cache.keys().next().value!)
    cache.set(hostname, { atMs: now(), problem })
    return problem
  }
}
