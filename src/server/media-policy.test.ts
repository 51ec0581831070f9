import { describe, expect, it } from 'vitest'
import { catalogV1 } from '@/catalog/models-v1'
import { createSimulator } from '@/simulator/simulator'
import { createBffApp } from './app'
import { mediaUrlProblem } from './media-policy'
import { createUpstreamClient } from './upstream'

describe('media URL policy', () => {
  it.each([
    'http://cdn.example.com/a.jpg',
    'ftp://cdn.example.com/a.jpg',
    'https://user:pw@cdn.example.com/a.jpg',
    'https://localhost/a.jpg',
    'https://LOCALHOST./a.jpg',
    'https://api.localhost/a.jpg',
    'https://metadata.google.internal/computeMetadata/v1/',
    'https://db.internal/a.jpg',
    'https://printer.local/a.jpg',
    'https://intranet/a.jpg',
    'https://127.0.0.1/a.jpg',
    'https://127.1/a.jpg',
    'https://2130706433/a.jpg',
    'https://0x7f000001/a.jpg',
    'https://017700000001/a.jpg',
    'https://0.0.0.0/a.jpg',
    'https://10.1.2.3/a.jpg',
    'https://172.16.0.1/a.jpg',
    'https://172.31.255.255/a.jpg',
    'https://192.168.1.10/a.jpg',
    'https://100.64.0.1/a.jpg',
    'https://169.254.169.254/latest/meta-data/',
    'https://0xa9fea9fe/latest/meta-data/',
    'https://224.0.0.1/a.jpg',
    'https://[::1]/a.jpg',
    'https://[::]/a.jpg',
    'https://[::ffff:127.0.0.1]/a.jpg',
    'https://[::ffff:a9fe:a9fe]/a.jpg',
    'https://[64:ff9b::10.0.0.1]/a.jpg',
    'https://[fd12:3456::1]/a.jpg',
    'https://[fc00::1]/a.jpg',
    'https://[fe80::1]/a.jpg',
    'https://[ff02::1]/a.jpg',
    'not a url',
  ])('refuses %s', (url) => {
    expect(mediaUrlProblem(url)).toBeDefined()
  })

  it.each([
    'https://cdn.example.com/a.jpg',
    'https://storage.googleapis.com/bucket/clip.mp4',
    'https://8.8.8.8/a.jpg',
    'https://172.32.0.1/a.jpg',
    'https://100.128.0.1/a.jpg',
    'https://[2001:4860:4860::8888]/a.jpg',
    'https://[::ffff:8.8.8.8]/a.jpg',
    'https://cdn.example.com:8443/a.jpg?x=1',
  ])('accepts %s', (url) => {
    expect(mediaUrlProblem(url)).toBeUndefined()
  })
})

describe('the BFF in live mode', () => {
  function liveBff(mode: 'live' | 'demo' = 'live') {
    let forwarded = 0
    const simulator = createSimulator({ catalog: catalogV1 })
    const app = createBffApp({
      mode,
      catalog: catalogV1,
      upstream: createUpstreamClient({
        baseUrl: 'https://www.cannonstudio.app',
        apiKey: 'cs_live_media_key',
        fetch: (request) => (forwarded++, simulator.fetch(request)),
      }),
      log: { write: () => {} },
    })
    const create = (input: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
      app.fetch(
        new Request('http://studio.test/api/v1/requests', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ operation: 'video.generate', input: { prompt: 'A fox', ...input }, ...extra }),
        }),
      )
    return { create, forwarded: () => forwarded }
  }

  it('refuses an internal host in any media field, naming the field, and forwards nothing', async () => {
    const bff = liveBff()
    const references = ['https://cdn.example.com/1.jpg', 'https://169.254.169.254/2.jpg']
    const refused = await bff.create({ model: 'seedance2', reference_image_urls: references })
    expect(refused.status).toBe(400)
    expect((await refused.json()).error).toEqual({
      code: 'invalid_media_url',
      field: 'reference_image_urls.1',
      message: 'reference_image_urls.1 must point to a public host, not a private, loopback or metadata address',
    })
    const firstFrame = await bff.create({ model: 'grok', duration: 6, image_url: 'https://[::1]/x.png' })
    expect((await firstFrame.json()).error.field).toBe('image_url')
    const webhook = await bff.create({ model: 'grok', duration: 6 }, { webhook_url: 'https://10.0.0.5/hook' })
    expect((await webhook.json()).error.field).toBe('webhook_url')
    expect(bff.forwarded()).toBe(0)

    expect((await bff.create({ model: 'seedance2', reference_image_urls: [references[0]] })).status).toBe(202)
  })

  it('leaves demo mode’s own media alone', async () => {
    const accepted = await liveBff('demo').create({ model: 'grok', duration: 6, image_url: '/demo/clip-16x9.jpg' })
    expect(accepted.status).toBe(202)
  })
})
