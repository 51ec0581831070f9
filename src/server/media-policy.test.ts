import { describe, expect, it } from 'vitest'
import { catalogV1 } from '@/catalog/models-v1'
import { createSimulator } from '@/simulator/simulator'
import { createBffApp } from './app'
import { createDnsHostCheck } from './media-dns'
import { isBlockedAddress, mediaUrlProblem, withCanonicalMediaUrls } from './media-policy'
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
    'https://[::ffff:0:7f00:1]/a.jpg',
    'https://[::ffff:0:a9fe:a9fe]/a.jpg',
    'https://[2002:7f00:1::]/a.jpg',
    'https://[2002:a9fe:a9fe::1]/a.jpg',
    'https://[2001:0:4136:e378:8000:63bf:80ff:fffe]/a.jpg',
    'https://[fec0::1]/a.jpg',
    'https://[64:ff9b:1::a00:1]/a.jpg',
    'https://[100::1]/a.jpg',
    'https://[2001:db8::1]/a.jpg',
    'https://[::7f00:1]/a.jpg',
    'https://localhost../a.jpg',
    'https://localhost.../a.jpg',
    'https://cdn..example.com/a.jpg',
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

describe('where media host names resolve', () => {
  const fakeDns: Record<string, string[]> = {
    'localtest.me': ['127.0.0.1'],
    'rebind.nip.io': ['93.184.215.14', '10.0.0.8'],
    'meta.example': ['::ffff:169.254.169.254'],
    'v6.example': ['fd00::5'],
    'cdn.example.com': ['93.184.215.14', '2606:2800:21f:cb07:6820:80da:af6b:8b2c'],
  }
  const lookups: string[] = []
  const check = createDnsHostCheck({
    lookup: async (name) => {
      lookups.push(name)
      if (name === 'slow.example') return new Promise(() => {})
      const addresses = fakeDns[name]
      if (!addresses) throw Object.assign(new Error('ENOTFOUND'), { code: 'ENOTFOUND' })
      return addresses.map((address) => ({ address }))
    },
    timeoutMs: 50,
  })

  it.each(['localtest.me', 'rebind.nip.io', 'meta.example', 'v6.example'])(
    'refuses %s, which points inside',
    async (name) => {
      expect(await check(name)).toMatch(/resolves to a private, loopback or metadata address/)
    },
  )

  it('refuses a name that does not resolve, or not in time, and accepts a public one (cached)', async () => {
    expect(await check('nowhere.example')).toBe('host name does not resolve')
    expect(await check('slow.example')).toBe('host name did not resolve within 0.05 s')
    lookups.length = 0
    expect(await check('cdn.example.com')).toBeUndefined()
    expect(await check('cdn.example.com')).toBeUndefined()
    expect(await check('93.184.215.14')).toBeUndefined()
    expect(lookups).toEqual(['cdn.example.com'])
  })

  it('judges resolved addresses in every notation', () => {
    for (const a of [
      '127.0.0.1',
      '::1',
      '::ffff:127.0.0.1',
      '::ffff:7f00:1',
      'fe80::1',
      '2002:7f00:1::',
      'not-an-ip',
    ]) {
      expect(isBlockedAddress(a), a).toBe(true)
    }
    for (const a of ['93.184.215.14', '2606:2800:21f:cb07:6820:80da:af6b:8b2c', '::ffff:8.8.8.8']) {
      expect(isBlockedAddress(a), a).toBe(false)
    }
  })

  it('uses the system resolver by default, which refuses a name that cannot resolve', async () => {
    expect(await createDnsHostCheck()('no-such-host.invalid')).toBe('host name does not resolve')
  })
})

describe('canonical media URLs', () => {
  it('forwards what was checked, never the raw string other parsers read differently', () => {
    const body = withCanonicalMediaUrls({
      input: {
        prompt: 'keep https://a.example\\@b.example as text',
        image_url: 'https://93.184.215.14\\@evil.example/a.jpg',
        reference_image_urls: ['HTTPS://CDN.Example.com:443/./a/../b.jpg'],
      },
      webhook_url: 'https://hooks.example.com/x y',
    })
    expect(body).toEqual({
      input: {
        prompt: 'keep https://a.example\\@b.example as text',
        image_url: 'https://93.184.215.14/@evil.example/a.jpg',
        reference_image_urls: ['https://cdn.example.com/b.jpg'],
      },
      webhook_url: 'https://hooks.example.com/x%20y',
    })
  })
})

describe('the BFF in live mode', () => {
  function liveBff(mode: 'live' | 'demo' = 'live', publicUrl?: string) {
    let forwarded = 0
    const simulator = createSimulator({ catalog: catalogV1 })
    const app = createBffApp({
      mode,
      publicUrl,
      mediaHostCheck: async (name) =>
        name === 'localtest.me' || name === 'studio.example.com' ? 'resolves to loopback' : undefined,
      catalog: catalogV1,
      upstream: createUpstreamClient({
        baseUrl: 'https://www.cannonstudio.app',
        apiKey: 'cs_live_media_key',
        fetch: (request) => (forwarded++, simulator.fetch(request)),
      }),
      log: () => {},
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

    const rebound = await bff.create({ model: 'grok', duration: 6, image_url: 'https://localtest.me/x.png' })
    expect((await rebound.json()).error).toEqual({
      code: 'invalid_media_url',
      field: 'image_url',
      message: 'image_url resolves to loopback',
    })
    expect(bff.forwarded()).toBe(0)

    expect((await bff.create({ model: 'seedance2', reference_image_urls: [references[0]] })).status).toBe(202)
  })

  it('leaves demo mode’s own media alone', async () => {
    const accepted = await liveBff('demo').create({ model: 'grok', duration: 6, image_url: '/demo/lava-16x9-4s.jpg' })
    expect(accepted.status).toBe(202)
  })

  it("trusts the studio's own uploads under STUDIO_PUBLIC_URL/media/ without a look-up, and nothing else there", async () => {
    const bff = liveBff('live', 'https://studio.example.com')
    const own = `https://studio.example.com/media/${'ab'.repeat(32)}.png`
    expect((await bff.create({ model: 'grok', duration: 6, image_url: own })).status).toBe(202)
    for (const other of [
      'https://studio.example.com/api/renders',
      `https://studio.example.com/media/${'ab'.repeat(32)}.svg`,
      `https://studio.example.com/media/${'ab'.repeat(32)}.png?x=1`,
      `https://studio.example.com:8443/media/${'ab'.repeat(32)}.png`,
    ]) {
      const refused = await bff.create({ model: 'grok', duration: 6, image_url: other })
      expect((await refused.json()).error, other).toMatchObject({ field: 'image_url', message: /resolves to loopback/ })
    }
    const elsewhere = await liveBff().create({ model: 'grok', duration: 6, image_url: own })
    expect(elsewhere.status).toBe(400)
    expect(bff.forwarded()).toBe(1)
  })
})
