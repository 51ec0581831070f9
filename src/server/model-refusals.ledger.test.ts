import { describe, expect, it } from 'vitest'
import { fidelitySchema } from '@/catalog/fidelity-contract'
import { catalogV1 } from '@/catalog/models-v1'
import { ENGINES, useTestLedger } from '@/ledger/test-ledger'
import { createBffApp } from './app'
import { createUpstreamClient } from './upstream'

const create = (input: Record<string, unknown>): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ operation: 'video.generate', input }),
})

describe.each(ENGINES)("Cannon's refusals on the ledger (%s)", (engine) => {
  const ledger = useTestLedger(engine)

  /** A live BFF whose Cannon refuses every create with `refusal` (HTTP 422). */
  function refusedBy(refusal: unknown) {
    const upstream = createUpstreamClient({
      baseUrl: 'http://cannon.invalid',
      apiKey: 'cs_live_refusals_key',
      retryDelaysMs: [],
      fetch: async () => Response.json(refusal, { status: 422 }),
    })
    const app = createBffApp({ mode: 'demo', catalog: catalogV1, upstream, ledger: ledger.db })
    const call = (path: string, init?: RequestInit) => app.fetch(new Request(`http://studio.test${path}`, init))
    const refusals = async () => fidelitySchema.parse(await (await call('/api/fidelity')).json()).refusals
    return { call, refusals }
  }

  it('keeps a refusal that names the model, for every browser, and relays it with its field', async () => {
    const studio = refusedBy({ error: { message: 'Unknown model: sora2', field: 'model' } })
    const reply = await studio.call('/api/v1/requests', create({ model: 'sora2', prompt: 'A pier', duration: 8 }))
    expect(reply.status).toBe(422)
    expect(await reply.json()).toEqual({
      error: { code: 'upstream_rejected', message: 'Unknown model: sora2', field: 'model' },
    })
    expect(await studio.refusals()).toEqual([
      { model: 'sora2', field: 'model', message: 'Unknown model: sora2', atMs: expect.any(Number) },
    ])
  })

  it("maps a value's refusal to the form's field name and keeps it on the model", async () => {
    const studio = refusedBy({ message: 'duration must be 6', param: 'input.duration' })
    const reply = await studio.call('/api/v1/requests', create({ model: 'grok', prompt: 'A fox', duration: 10 }))
    expect((await reply.json()).error).toMatchObject({ field: 'duration', message: 'duration must be 6' })
    expect((await studio.refusals()).map((r) => [r.model, r.field])).toEqual([['grok', 'duration']])
  })

  it("does not keep a refusal of one creative's prompt", async () => {
    const studio = refusedBy({ error: { message: 'The prompt was flagged', field: 'input.prompt' } })
    const reply = await studio.call('/api/v1/requests', create({ model: 'grok', prompt: 'A fox', duration: 6 }))
    expect((await reply.json()).error.field).toBe('prompt')
    expect(await studio.refusals()).toEqual([])
  })
})
