import { MEDIA_NAME } from '@/catalog/media-formats'

/*
 * Live mode forwards media URLs for Cannon to download. Only public https hosts are allowed, so the studio
 * cannot be used to point Cannon (or anything behind it) at loopback, private networks or cloud metadata.
 * Hosts are judged as WHATWG URL parsing normalizes them: 0x7f.1, 2130706433 and 127.1 all become 127.0.0.1,
 * and IPv6 literals arrive compressed in brackets.
 */

const BLOCKED_IPV4: readonly (readonly [number, number])[] = [
  [0x00000000, 8], // "this network", 0.0.0.0
  [0x0a000000, 8], // 10/8 private
  [0x64400000, 10], // 100.64/10 carrier-grade NAT
  [0x7f000000, 8], // loopback
  [0xa9fe0000, 16], // 169.254/16 link-local, cloud metadata
  [0xac100000, 12], // 172.16/12 private
  [0xc0000000, 24], // 192.0.0/24 protocol assignments
  [0xc0a80000, 16], // 192.168/16 private
  [0xc6120000, 15], // 198.18/15 benchmarking
  [0xe0000000, 3], // 224/3: multicast, reserved, broadcast
]

const BLOCKED_NAME_SUFFIXES = ['.localhost', '.internal', '.local', '.localdomain', '.home.arpa']

function ipv4ToNumber(host: string): number | undefined {
  const parts = host.split('.')
  if (parts.length !== 4 || !parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255)) return undefined
  return parts.reduce((n, p) => n * 256 + Number(p), 0)
}

function isBlockedIpv4(address: number): boolean {
  return BLOCKED_IPV4.some(([network, bits]) => address >>> (32 - bits) === network >>> (32 - bits))
}

/** The eight 16-bit groups of a compressed IPv6 literal as URL serializes it (hex groups, maybe "::"). */
function ipv6Groups(literal: string): number[] | undefined {
  const [head = '', tail] = literal.split('::')
  const parse = (part: string) => (part ? part.split(':').map((g) => parseInt(g, 16)) : [])
  const left = parse(head)
  const right = tail === undefined ? [] : parse(tail)
  const groups = tail === undefined ? left : [...left, ...Array(8 - left.length - right.length).fill(0), ...right]
  return groups.length === 8 && groups.every((g) => Number.isInteger(g) && g >= 0 && g <= 0xffff) ? groups : undefined
}

/**
 * Blocked: loopback, unspecified, private and link-local ranges, and every transition form that can carry an
 * IPv4 address or tunnel to one (mapped, translated, NAT64, 6to4, Teredo), plus reserved and documentation ranges.
 */
function isBlockedIpv6(groups: number[]): boolean {
  const [g0 = 0, g1 = 0, g2 = 0, g3 = 0, g4 = 0, g5 = 0, g6 = 0, g7 = 0] = groups
  const embeddedIpv4 = (g6 * 0x10000 + g7) >>> 0
  const upperZero = g0 === 0 && g1 === 0 && g2 === 0 && g3 === 0
  if (upperZero && g4 === 0 && g5 === 0) return true // ::, ::1 and the deprecated IPv4-compatible ::/96
  if (upperZero && g4 === 0 && g5 === 0xffff) return isBlockedIpv4(embeddedIpv4) // IPv4-mapped ::ffff:0:0/96
  if (upperZero && g4 === 0xffff && g5 === 0) return isBlockedIpv4(embeddedIpv4) // IPv4-translated ::ffff:0:0:0/96
  if (upperZero) return true // the rest of ::/64 is reserved
  if (g0 === 0x64 && g1 === 0xff9b && g2 === 0 && g3 === 0 && g4 === 0 && g5 === 0) {
    return isBlockedIpv4(embeddedIpv4) // NAT64 64:ff9b::/96
  }
  if (g0 === 0x64 && g1 === 0xff9b) return true // 64:ff9b:1::/48 local-use NAT64
  if (g0 === 0x100 && g1 === 0 && g2 === 0 && g3 === 0) return true // 100::/64 discard-only
  if (g0 === 0x2002) return true // 6to4: tunnels to the IPv4 address it embeds
  if (g0 === 0x2001 && g1 === 0) return true // Teredo 2001::/32: tunnels to an obfuscated IPv4 address
  if (g0 === 0x2001 && g1 === 0xdb8) return true // documentation
  if (g0 === 0x2001 && (g1 & 0xfff0) === 0x10) return true // ORCHID
  if ((g0 & 0xfe00) === 0xfc00) return true // fc00::/7 unique local
  if ((g0 & 0xffc0) === 0xfe80) return true // fe80::/10 link-local
  if ((g0 & 0xffc0) === 0xfec0) return true // fec0::/10 site-local (deprecated, still routed privately)
  if ((g0 & 0xff00) === 0xff00) return true // multicast
  return false
}

/** Why a host may not be used, or undefined when it is a public host (or a name, judged by its form only). */
export function blockedHostReason(hostname: string): string | undefined {
  const host = hostname.toLowerCase().replace(/\.+$/, '')
  if (host.includes('..')) return 'a malformed host name'
  if (host.startsWith('[')) {
    const groups = ipv6Groups(host.slice(1, -1))
    return !groups || isBlockedIpv6(groups) ? 'a private or loopback address' : undefined
  }
  const ipv4 = ipv4ToNumber(host)
  if (ipv4 !== undefined) return isBlockedIpv4(ipv4) ? 'a private, loopback or metadata address' : undefined
  if (host === 'localhost' || BLOCKED_NAME_SUFFIXES.some((s) => host.endsWith(s))) return 'an internal host name'
  if (!host.includes('.')) return 'a host name without a domain'
  return undefined
}

/** An address as the resolver gives it ("127.0.0.1", "::ffff:127.0.0.1"): blocked or public. */
export function isBlockedAddress(address: string): boolean {
  if (!address.includes(':')) {
    const ipv4 = ipv4ToNumber(address)
    return ipv4 === undefined || isBlockedIpv4(ipv4)
  }
  // URL serialises any IPv6 form (dotted tail, zone-free) to compressed hex groups.
  const literal = URL.canParse(`http://[${address}]`) ? new URL(`http://[${address}]`).hostname : undefined
  const groups = literal ? ipv6Groups(literal.slice(1, -1)) : undefined
  return !groups || isBlockedIpv6(groups)
}

/** Why a media URL may not be sent to Cannon in live mode, or undefined when it may. */
export function mediaUrlProblem(value: string): string | undefined {
  let url: URL
  try {
    url = new URL(value)
  } catch {
    return 'is not a URL'
  }
  if (url.protocol !== 'https:') return 'must be an https:// URL'
  if (url.username || url.password) return 'must not carry a user name or password'
  const reason = blockedHostReason(url.hostname)
  return reason ? `must point to a public host, not ${reason}` : undefined
}

export interface MediaViolation {
  field: string
  message: string
}

/** Why a public-looking host name may not be used (it resolves somewhere private, or nowhere), or undefined. */
export type MediaHostCheck = (hostname: string) => Promise<string | undefined>

/** Whether a media URL is one of the studio's own stored files, at the public origin Cannon fetches them from. */
export type OwnMediaUrl = (url: URL) => boolean

const OWN_MEDIA_PATH = '/media/'

/**
 * The studio's own uploads: exactly `STUDIO_PUBLIC_URL/media/<sha256>.<ext>`. They need no look-up of where the
 * name resolves: the operator declared that origin public, and this machine's DNS may not know it (split horizon,
 * a tunnel). Any other path on that host is judged like every other URL.
 */
export function ownMediaUrls(publicUrl: string | undefined): OwnMediaUrl | undefined {
  if (!publicUrl) return undefined
  const { origin } = new URL(publicUrl)
  return (url) =>
    url.origin === origin &&
    url.search === '' &&
    url.hash === '' &&
    url.pathname.startsWith(OWN_MEDIA_PATH) &&
    MEDIA_NAME.test(url.pathname.slice(OWN_MEDIA_PATH.length))
}

const MEDIA_FIELD = /_urls?$/

type CreateBody = { input: object; webhook_url?: string }

/** Every media URL of a create body with its field path: each `*_url` / `*_urls` item of the input, and webhook_url. */
function mediaUrls(body: CreateBody): [path: string, value: unknown][] {
  const candidates: [string, unknown][] = Object.entries(body.input).filter(([key]) => MEDIA_FIELD.test(key))
  if (body.webhook_url !== undefined) candidates.push(['webhook_url', body.webhook_url])
  return candidates.flatMap(([field, value]) =>
    Array.isArray(value) ? value.map((v, i) => [`${field}.${i}`, v] as [string, unknown]) : [[field, value]],
  )
}

/**
 * The first media URL of a create body that breaks the policy, by its form and then, with `hostCheck`, by where
 * its host name resolves (the studio's own files excepted). Field paths match the validation errors'.
 */
export async function findMediaViolation(
  body: CreateBody,
  hostCheck?: MediaHostCheck,
  isOwnMedia?: OwnMediaUrl,
): Promise<MediaViolation | undefined> {
  const all = mediaUrls(body)
  for (const [path, item] of all) {
    const problem = typeof item === 'string' ? mediaUrlProblem(item) : 'must be a URL'
    if (problem) return { field: path, message: `${path} ${problem}` }
  }
  if (!hostCheck) return undefined
  const urls = all.filter(([, item]) => !isOwnMedia?.(new URL(item as string)))
  const hostnames = [...new Set(urls.map(([, item]) => new URL(item as string).hostname))]
  const problems = await Promise.all(hostnames.map(hostCheck))
  const index = problems.findIndex((p) => p !== undefined)
  if (index === -1) return undefined
  const [path] = urls.find(([, item]) => new URL(item as string).hostname === hostnames[index])!
  return { field: path, message: `${path} ${problems[index]}` }
}

/**
 * The body with every media URL in its canonical form (`url.href`), which is what was checked: other parsers
 * read a raw string such as `https://a.example\@b.example/` differently, so the raw string is never forwarded.
 */
export function withCanonicalMediaUrls<T extends CreateBody>(body: T): T {
  const canonical = (v: unknown) => (typeof v === 'string' && URL.canParse(v) ? new URL(v).href : v)
  const input = Object.fromEntries(
    Object.entries(body.input).map(([key, value]) =>
      MEDIA_FIELD.test(key) ? [key, Array.isArray(value) ? value.map(canonical) : canonical(value)] : [key, value],
    ),
  )
  return {
    ...body,
    input,
    ...(body.webhook_url !== undefined ? { webhook_url: canonical(body.webhook_url) as string } : {}),
  }
}
