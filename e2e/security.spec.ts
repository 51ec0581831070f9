import { SECURITY_PORT } from './ports'
import { expect, test } from '@playwright/test'
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { startFakeUpstream, type FakeUpstream } from '../src/server/fake-upstream'
import { startBuiltStudio } from './built-studio'

// The built studio in live mode, gated by an access token, in front of a recording fake Cannon on loopback.
const OUT_DIR = process.env.OUT_DIR ?? 'dist'
const PORT = SECURITY_PORT
const STUDIO = `http://127.0.0.1:${PORT}`
const KEY = 'cs_live_e2e_canary_4c9d1f'
const TOKEN = 'e2e-access-token-5a7b9c1d3e'

let fake: FakeUpstream
let studio: Awaited<ReturnType<typeof startBuiltStudio>>

test.beforeAll(async () => {
  fake = await startFakeUpstream()
  studio = await startBuiltStudio(PORT, {
    CANNON_API_KEY: KEY,
    CANNON_API_BASE: fake.origin,
    STUDIO_ACCESS_TOKEN: TOKEN,
  })
})

test.afterAll(async () => {
  await studio.stop()
  await fake.close()
})

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true })
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name))
}

test('the built client holds no key, and index.html has no inline script', async () => {
  // The client may name $CANNON_API_KEY (its "Copy as cURL" placeholder) but never hold a key's value.
  const keyShaped = /cs_(live|test)_[A-Za-z0-9]{6,}/
  const buildKey = process.env.CANNON_API_KEY
  for (const file of await filesUnder(`${OUT_DIR}/client`)) {
    if (!/\.(js|css|html|json|map|txt|svg)$/.test(file)) continue
    const text = await readFile(file, 'utf8')
    expect(text, `${file} holds something shaped like a key`).not.toMatch(keyShaped)
    if (buildKey) expect(text, `${file} holds the build's CANNON_API_KEY`).not.toContain(buildKey)
  }
  const index = await readFile(`${OUT_DIR}/client/index.html`, 'utf8')
  for (const tag of index.match(/<script\b[^>]*>[^<]*<\/script>/g) ?? []) expect(tag).toMatch(/\ssrc="/)
})

test('a teammate signs in and the studio runs under the CSP; no response carries the key', async ({
  page,
  context,
}) => {
  const seen: Promise<string>[] = []
  const cspViolations: string[] = []
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) cspViolations.push(message.text())
  })
  // 'requestfinished' fires once a body has fully arrived, so reading it cannot wait on a stream.
  page.on('requestfinished', (finished) => {
    seen.push(
      finished.response().then(async (response) => {
        if (!response) return ''
        const [headers, body] = await Promise.all([response.allHeaders(), response.body().catch(() => Buffer.from(''))])
        return `${finished.url()}\n${JSON.stringify(headers)}\n${body.toString('latin1')}`
      }),
    )
  })

  await page.goto(STUDIO)
  await page.getByLabel('Access token').fill('not-the-right-token')
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page.getByRole('alert')).toHaveText('That access token is not right')
  await page.getByLabel('Access token').fill(TOKEN)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page.getByRole('button', { name: 'Generate' })).toBeVisible()
  await expect(page.getByText('Demo mode')).toHaveCount(0)

  const [cookie] = (await context.cookies()).filter((c) => c.name === 'studio_session')
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', secure: false })
  expect(cookie!.value).not.toContain(TOKEN)

  const create = await page.evaluate(async () => {
    const response = await fetch('/api/v1/requests', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-idempotency-key': 'e2e-idem-1' },
      body: JSON.stringify({ operation: 'video.generate', input: { model: 'grok', prompt: 'A fox', duration: 6 } }),
    })
    return response.status
  })
  expect(create).toBe(202)
  const forwarded = fake.calls.find((c) => c.method === 'POST')!
  expect(forwarded.headers['x-api-key']).toBe(KEY)
  expect(forwarded.headers['x-idempotency-key']).toBe('e2e-idem-1')
  expect(forwarded.headers.cookie).toBeUndefined()

  await page.getByRole('button', { name: 'Sign out' }).click()
  await expect(page.getByLabel('Access token')).toBeVisible()
  const ended = await fetch(`${STUDIO}/api/catalog`, { headers: { cookie: `studio_session=${cookie!.value}` } })
  expect(ended.status).toBe(401)

  expect(cspViolations).toEqual([])
  const responses = await Promise.all(seen)
  expect(responses.length).toBeGreaterThan(3)
  for (const response of responses) expect(response).not.toContain(KEY)
})

test('every API answer, refusals included, is free of the key, and so is the log', async ({ request }) => {
  const auth = { authorization: `Bearer ${TOKEN}` }
  const json = { 'content-type': 'application/json' }
  const video = { operation: 'video.generate', input: { model: 'grok', prompt: 'A fox', duration: 6 } }
  fake.respondWith((call) =>
    call.path.endsWith('/req_echo') ? { status: 401, body: { error: `bad key ${KEY}` } } : undefined,
  )
  const responses = await Promise.all([
    request.get(`${STUDIO}/api/health`),
    request.get(`${STUDIO}/api/catalog`),
    request.get(`${STUDIO}/api/catalog`, { headers: auth }),
    request.get(`${STUDIO}/api/v1/status`, { headers: auth }),
    request.get(`${STUDIO}/api/v1/requests/req_fake_1`, { headers: auth }),
    request.get(`${STUDIO}/api/v1/requests/req_echo`, { headers: auth }),
    request.get(`${STUDIO}/api/nope`, { headers: auth }),
    request.post(`${STUDIO}/api/v1/requests`, { headers: { ...auth, ...json }, data: video }),
    request.post(`${STUDIO}/api/v1/requests`, { headers: { ...auth, ...json }, data: '{oops' }),
    request.post(`${STUDIO}/api/v1/requests`, {
      headers: { ...auth, ...json },
      data: { ...video, input: { ...video.input, image_url: 'https://169.254.169.254/latest' } },
    }),
    request.post(`${STUDIO}/api/v1/requests`, {
      headers: { ...auth, ...json, origin: 'https://evil.example' },
      data: video,
    }),
    request.get(`${STUDIO}/`),
    request.get(`${STUDIO}/some/deep/link`),
  ])
  expect(responses.map((r) => r.status())).toEqual([200, 401, 200, 200, 200, 401, 404, 202, 400, 400, 403, 200, 200])
  for (const response of responses) {
    expect(JSON.stringify(response.headers())).not.toContain(KEY)
    expect(await response.text()).not.toContain(KEY)
    expect(response.headers()['content-security-policy']).toContain("frame-ancestors 'none'")
  }
  const serverOutput = studio.output()
  const logLines = serverOutput.split('\n').filter((l) => l.startsWith('{'))
  expect(logLines.length).toBeGreaterThanOrEqual(11)
  expect(serverOutput).not.toContain(KEY)
  expect(serverOutput).not.toContain(TOKEN)
})
