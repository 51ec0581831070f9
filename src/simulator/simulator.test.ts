import { describe, expect, it } from 'vitest'
import { catalogV1 } from '@/catalog/models-v1'
import { parseFaults } from './faults'
import { createSimulator } from './simulator'

const BASE = 'https://www.cannonstudio.app'
const input = { model: 'sora2', prompt: 'A paper boat', duration: 8, aspect_ratio: '9:16' }

function setup() {
  let now = 1_000_000
  const sim = createSimulator({ catalog: catalogV1, now: () => now, startingCredits: 400 })
  const call = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const response = await sim.fetch(
      new Request(`${BASE}${path}`, {
        method,
        headers: { 'x-api-key': 'cs_test', 'content-type': 'application/json', ...headers },
        body: body === undefined ? undefined : JSON.stringify(body),
      }),
    )
    return { status: response.status, body: await response.json() }
  }
  return { sim, call, advance: (ms: number) => (now += ms) }
}

describe('simulator', () => {
  it('answers 202 and moves queued → processing → succeeded with a clip of the requested ratio', async () => {
    const { call, advance } = setup()
    const created = await call('POST', '/api/v1/requests', { operation: 'video.generate', input })
    expect(created.status).toBe(202)
    expect(created.body).toMatchObject({ status: 'queued', operation: 'video.generate', poll_after_ms: 1000 })
    const path = `/api/v1/requests/${created.body.id}`

    expect((await call('GET', path)).body.status).toBe('queued')
    advance(2000)
    const processing = (await call('GET', path)).body
    expect(processing).toMatchObject({ status: 'processing', billableCredits: 48, completedAtMs: null })
    advance(5000)
    const done = (await call('GET', path)).body
    expect(done.status).toBe('succeeded')
    expect(done.output).toEqual({
      task_id: expect.any(String),
      asset_type: 'video',
      status: 'succeeded',
      video_url: expect.stringMatching(/^\/demo\/[a-z]+-9x16-8s\.mp4$/),
      provider: 'sora2',
      model: 'sora2',
      duration: 8,
      aspect_ratio: '9:16',
    })
    expect(done.completedAtMs).toBeGreaterThan(done.startedAtMs)
  })

  it('answers a demo clip chosen by seed and prompt, and says its real length', async () => {
    const { call, advance } = setup()
    const render = async (extra: object) => {
      const created = await call('POST', '/api/v1/requests', {
        operation: 'video.generate',
        input: { model: 'seedance2', prompt: 'A paper boat', aspect_ratio: '21:9', ...extra },
      })
      advance(10_000)
      return (await call('GET', `/api/v1/requests/${created.body.id}`)).body.output
    }
    const first = await render({ seed: 7, duration: 12 })
    expect(first).toMatchObject({
      duration: 10,
      aspect_ratio: '21:9',
      video_url: expect.stringMatching(/-21x9-10s\.mp4$/),
    })
    expect((await render({ seed: 7, duration: 12 })).video_url).toBe(first.video_url)
    expect(await render({ seed: 8, duration: 4 })).toMatchObject({ duration: 4 })
  })

  it('honours idempotency keys: same key and body, same request; other body, 409', async () => {
    const { sim, call } = setup()
    const body = { operation: 'video.generate', input }
    const first = await call('POST', '/api/v1/requests', body, { 'x-idempotency-key': 'k-1' })
    const again = await call('POST', '/api/v1/requests', body, { 'x-idempotency-key': 'k-1' })
    expect(again.body.id).toBe(first.body.id)
    expect(sim.createdCount()).toBe(1)
    const other = await call(
      'POST',
      '/api/v1/requests',
      { ...body, input: { ...input, prompt: 'other' } },
      {
        'x-idempotency-key': 'k-1',
      },
    )
    expect(other.status).toBe(409)
  })

  it('charges credits and refuses a render the balance cannot pay for', async () => {
    const { call } = setup()
    await call('POST', '/api/v1/requests', { operation: 'video.generate', input })
    expect((await call('GET', '/api/v1/status')).body.creditsRemaining).toBe(352)
    const big = { model: 'sora2pro', prompt: 'x', duration: 20, resolution: '1080p' }
    const refused = await call('POST', '/api/v1/requests', { operation: 'video.generate', input: big })
    expect(refused.status).toBe(402)
    expect(refused.body.error.code).toBe('insufficient_credits')
  })

  it('needs a key and validates like Cannon', async () => {
    const { sim, call } = setup()
    const anonymous = await sim.fetch(new Request(`${BASE}/api/v1/status`))
    expect(anonymous.status).toBe(401)
    const invalid = await call('POST', '/api/v1/requests', {
      operation: 'video.generate',
      input: { ...input, duration: 5 },
    })
    expect(invalid.status).toBe(400)
    expect(invalid.body.error).toMatchObject({ code: 'invalid_input', field: 'duration' })
    expect((await call('GET', '/api/v1/requests/req_missing')).status).toBe(404)
  })

  it('refuses a share of creates by naming the model, as Cannon refuses a model it no longer offers (refuse_rate)', async () => {
    const sim = createSimulator({ catalog: catalogV1, faults: parseFaults('refuse_rate=1') })
    const response = await sim.fetch(
      new Request(`${BASE}/api/v1/requests`, {
        method: 'POST',
        headers: { 'x-api-key': 'cs_test', 'content-type': 'application/json' },
        body: JSON.stringify({ operation: 'video.generate', input }),
      }),
    )
    expect(response.status).toBe(422)
    expect(await response.json()).toEqual({
      error: { code: 'model_unavailable', message: 'The provider does not offer sora2 right now', field: 'model' },
    })
  })

  it('enhances prompts', async () => {
    const { call, advance } = setup()
    const created = await call('POST', '/api/v1/requests', {
      operation: 'prompt.enhance.video',
      input: { prompt: 'a runner in a canyon', aspectRatio: '16:9' },
    })
    advance(10_000)
    const done = (await call('GET', `/api/v1/requests/${created.body.id}`)).body
    expect(done.output).toMatchObject({ model: 'gpt-5-mini', operation: 'prompt.enhance.video' })
    expect(done.output.enhancedPrompt).toMatch(/^a runner in a canyon\. /)
  })
})
