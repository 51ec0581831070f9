import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { catalogV1 } from '@/catalog/models-v1'
import { createSimulator } from '@/simulator/simulator'
import { createBffApp } from './app'
import { createSite } from './site'
import { createUpstreamClient } from './upstream'

const TOKEN = 'site-token-0123456789abcdef'
const INDEX = '<!doctype html><title>Cannon Studio</title><script type="module" src="/assets/app.js"></script>'
const REVIEW = '<!doctype html><title>Shared for review</title><script type="module" src="/assets/review.js"></script>'
let clientDir: string

beforeAll(async () => {
  clientDir = `${await mkdtemp(join(tmpdir(), 'studio-site-'))}/`
  await mkdir(join(clientDir, 'assets'))
  await writeFile(join(clientDir, 'index.html'), INDEX)
  await writeFile(join(clientDir, 'assets', 'app.js'), 'console.log("studio")')
})
afterAll(() => rm(clientDir, { recursive: true, force: true }))

function site() {
  const simulator = createSimulator({ catalog: catalogV1 })
  const bff = createBffApp({
    mode: 'demo',
    catalog: catalogV1,
    upstream: createUpstreamClient({ baseUrl: 'http://simulator.invalid', apiKey: 'demo', fetch: simulator.fetch }),
    accessToken: TOKEN,
    log: () => {},
  })
  const app = createSite({
    bff,
    clientDir,
    indexHtml: INDEX,
    reviewHtml: REVIEW,
    allowedHosts: ['studio.test'],
    trustProxy: true,
  })
  return (path: string, init?: RequestInit) => app.fetch(new Request(`http://studio.test${path}`, init))
}

describe('the studio site', () => {
  it('serves the shell and its assets without the token, with the security headers', async () => {
    const call = site()
    const shell = await call('/')
    const deepLink = await call('/renders/req_1')
    const asset = await call('/assets/app.js')
    expect([shell.status, deepLink.status, asset.status]).toEqual([200, 200, 200])
    expect(await deepLink.text()).toBe(INDEX)
    expect(asset.headers.get('cache-control')).toContain('immutable')
    expect(shell.headers.get('cache-control')).toBe('no-cache')
    expect(deepLink.headers.get('cache-control')).toBe('no-cache')
    expect((await call('/assets/missing.js')).status).toBe(404)
    for (const response of [shell, deepLink, asset]) {
      expect(response.headers.get('content-security-policy')).toContain("script-src 'self'")
      expect(response.headers.get('x-content-type-options')).toBe('nosniff')
      expect(response.headers.get('strict-transport-security')).toBeNull()
    }
    const overHttps = await call('/', { headers: { 'x-forwarded-proto': 'https' } })
    expect(overHttps.headers.get('strict-transport-security')).toMatch(/max-age/)
  })

  it('keeps the API behind the token', async () => {
    const call = site()
    const health = await call('/api/health')
    expect(health.status).toBe(200)
    expect(health.headers.get('cache-control')).toBe('no-store')
    expect(health.headers.get('content-security-policy')).toContain("default-src 'self'")
    expect((await call('/api/catalog')).status).toBe(401)
    expect((await call('/api/catalog', { headers: { authorization: `Bearer ${TOKEN}` } })).status).toBe(200)
    expect((await call('/api')).status).toBe(401)
    expect((await call('/%61pi/catalog')).status).toBe(401)
    expect(await (await call('/apiary')).text()).toBe(INDEX)
  })
  it('serves a share link’s review page, never indexed, under the same headers, and not at its built name', async () => {
    const call = site()
    const page = await call('/s/0123456789abcdef.abc')
    expect(page.status).toBe(200)
    expect(await page.text()).toBe(REVIEW)
    expect(page.headers.get('x-robots-tag')).toBe('noindex, nofollow')
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'")
    expect(page.headers.get('referrer-policy')).toBe('same-origin')
    expect((await call('/review.html')).status).toBe(404)
    expect(await (await call('/s/a/b')).text()).toBe(INDEX) // only /s/<token> is a review page
  })
})
