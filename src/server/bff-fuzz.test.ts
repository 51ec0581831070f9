import fc from 'fast-check'
import { isIP } from 'node:net'
import { describe, expect, it } from 'vitest'
import { catalogV1 } from '@/catalog/models-v1'
import { createSimulator } from '@/simulator/simulator'
import { createBffApp } from './app'
import { createUpstreamClient } from './upstream'

function bffWithCountingUpstream() {
  const simulator = createSimulator({ catalog: catalogV1, startingCredits: Number.MAX_SAFE_INTEGER })
  let forwarded = 0
  const app = createBffApp({
    mode: 'live',
    catalog: catalogV1,
    upstream: createUpstreamClient({
      baseUrl: 'https://www.cannonstudio.app',
      apiKey: 'cs_live_fuzz',
      fetch: (request) => {
        forwarded += 1
        return simulator.fetch(request)
      },
    }),
    allowedHosts: ['localhost', 'studio.test'],
    mediaHostCheck: async (name) => (name.endsWith('.example.com') ? undefined : 'does not resolve'),
  })
  const post = (body: string, headers: Record<string, string> = {}) =>
    app.fetch(
      new Request('http://studio.test/api/v1/requests', {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body,
      }),
    )
  return { post, forwarded: () => forwarded }
}

const validInput = { model: 'wan27video', prompt: 'A chase at blue hour', duration: 10, aspect_ratio: '16:9' }

/** Valid requests with one field replaced, removed or added: the near misses a form or a script produces. */
const nearMiss = fc
  .record({
    field: fc.constantFrom('model', 'prompt', 'duration', 'aspect_ratio', 'resolution', 'seed', 'image_url', 'extra'),
    value: fc.oneof(fc.anything(), fc.constant(undefined)),
  })
  .map(({ field, value }) => ({ operation: 'video.generate', input: { ...validInput, [field]: value } }))

const arbitraryBody = fc.oneof(
  fc.string().map((s) => s),
  fc.jsonValue().map((v) => JSON.stringify(v)),
  fc.anything().map((v) => JSON.stringify({ operation: 'video.generate', input: v }) ?? 'null'),
  nearMiss.map((v) => JSON.stringify(v)),
  fc.record({ operation: fc.string(), input: fc.object() }).map((v) => JSON.stringify(v)),
)

describe('BFF under malformed payloads', () => {
  it('never answers 5xx, forwards only valid requests, and explains every refusal', { timeout: 60_000 }, async () => {
    const bff = bffWithCountingUpstream()
    await fc.assert(
      fc.asyncProperty(arbitraryBody, async (body) => {
        const before = bff.forwarded()
        const response = await bff.post(body)
        expect(response.status).toBeLessThan(500)
        if (response.status === 202) {
          expect(bff.forwarded() - before).toBe(1)
          return
        }
        expect(response.status).toBe(400)
        expect(bff.forwarded()).toBe(before)
        const error = (await response.json()).error
        expect(error.code).toMatch(/^[a-z_]+$/)
        expect(error.message.length).toBeGreaterThan(5)
      }),
      { numRuns: 3000 },
    )
  })
})

/** Host headers a rebinding page, a proxy or a scanner may send; only the studio's names and IP literals pass. */
const hostHeader = fc.oneof(
  fc.constantFrom('studio.test', 'localhost:3000', '127.0.0.1:3000', '[::1]:3000', '8.8.8.8'),
  fc.domain(),
  fc.string().filter((s) => !/[\r\n\0]/.test(s)),
  fc.domain().map((d) => `${d}:3000`),
  fc.constantFrom('studio.test.evil.example', 'localhost.evil.example', 'evil.example\\@studio.test'),
)
/** The oracle: a Host passes when it names an IP literal (rebinding needs a name) or one of the studio's names. */
const hostPasses = (header: string) => {
  const host = header.trim()
  if (!host || /[\s/\\@?#]/.test(host) || !URL.canParse(`http://${host}`)) return false
  const name = new URL(`http://${host}`).hostname.replace(/^\[|\]$/g, '').replace(/\.$/, '')
  return isIP(name) !== 0 || name === 'studio.test' || name === 'localhost'
}

/** Content types a form, a simple cross-site fetch or a script may send; only JSON is taken. */
const contentType = fc.oneof(
  fc.constantFrom('application/json', 'application/json; charset=utf-8', 'APPLICATION/JSON'),
  fc.constantFrom(
    'text/plain',
    'application/x-www-form-urlencoded',
    'multipart/form-data; boundary=x',
    'application/jsonx',
    'text/json',
  ),
  fc.string().filter((s) => !/[\r\n\0]/.test(s)),
)

/** IPv6 addresses built from the ranges that reach inside: mapped, translated, NAT64, 6to4, Teredo, site-local… */
const hex = (n: number) => n.toString(16)
const ipv4 = fc.tuple(fc.constantFrom(127, 10, 169, 192, 172, 0), fc.nat(255), fc.nat(255), fc.nat(255))
const insideIpv6 = fc.oneof(
  ipv4.map(([a, b, c, d]) => `::ffff:${a}.${b}.${c}.${d}`),
  ipv4.map(([a, b, c, d]) => `::ffff:0:${hex(a * 256 + b)}:${hex(c * 256 + d)}`),
  ipv4.map(([a, b, c, d]) => `64:ff9b::${hex(a * 256 + b)}:${hex(c * 256 + d)}`),
  ipv4.map(([a, b, c, d]) => `2002:${hex(a * 256 + b)}:${hex(c * 256 + d)}::1`),
  fc.tuple(fc.nat(0xffff), fc.nat(0xffff)).map(([x, y]) => `2001:0:${hex(x)}:${hex(y)}::1`),
  fc.nat(0x3f).map((n) => `fec${hex(n >> 4)}:${hex(n)}::1`),
  fc.nat(0xffff).map((n) => `fd${hex(n & 0xff).padStart(2, '0')}::${hex(n)}`),
  fc.nat(0xffff).map((n) => `fe80::${hex(n)}`),
)

describe('BFF under hostile requests', () => {
  it('answers 421 to every Host it does not know and forwards nothing for it', { timeout: 60_000 }, async () => {
    const bff = bffWithCountingUpstream()
    const body = JSON.stringify({ operation: 'video.generate', input: validInput })
    await fc.assert(
      fc.asyncProperty(hostHeader, async (host) => {
        const before = bff.forwarded()
        const response = await bff.post(body, { host })
        if (hostPasses(host)) expect(response.status).toBe(202)
        else {
          expect(response.status).toBe(421)
          expect(bff.forwarded()).toBe(before)
        }
      }),
      { numRuns: 500 },
    )
  })

  it('takes only JSON bodies', { timeout: 60_000 }, async () => {
    const bff = bffWithCountingUpstream()
    const body = JSON.stringify({ operation: 'video.generate', input: validInput })
    await fc.assert(
      fc.asyncProperty(contentType, async (type) => {
        const before = bff.forwarded()
        const response = await bff.post(body, { 'content-type': type })
        const json = type.split(';')[0]!.trim().toLowerCase() === 'application/json'
        expect(response.status).toBe(json ? 202 : 415)
        expect(bff.forwarded() - before).toBe(json ? 1 : 0)
      }),
      { numRuns: 300 },
    )
  })

  it('refuses every media URL that reaches inside through an IPv6 transition form', { timeout: 60_000 }, async () => {
    const bff = bffWithCountingUpstream()
    await fc.assert(
      fc.asyncProperty(insideIpv6, async (address) => {
        const input = { ...validInput, image_url: `https://[${address}]/frame.jpg` }
        const response = await bff.post(JSON.stringify({ operation: 'video.generate', input }))
        expect(response.status).toBe(400)
        expect((await response.json()).error.code).toBe('invalid_media_url')
        expect(bff.forwarded()).toBe(0)
      }),
      { numRuns: 500 },
    )
  })
})
