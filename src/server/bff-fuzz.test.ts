import fc from 'fast-check'
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
  })
  const post = (body: string) =>
    app.fetch(
      new Request('http://studio.test/api/v1/requests', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
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
