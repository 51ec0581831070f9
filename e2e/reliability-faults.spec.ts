import { expect, test, type Page, type TestInfo } from '@playwright/test'
import { DEFAULT_TIMING } from '../src/simulator/simulator'
import { FAULTS_PORT } from './ports'
import { chooseModel } from './choose-model'

// The studio whose simulator fails, errs, throttles, garbles and sticks (playwright.config.ts, second webServer).
// A tall window keeps all 20 gallery items in the virtualized grid's DOM.
test.use({ baseURL: `http://127.0.0.1:${FAULTS_PORT}`, viewport: { width: 1280, height: 3200 } })

const RENDERS = 20
/**
 * How long after its create a render still answered "processing" is taken for stuck: the simulator's render time,
 * plus room for the ledger's answer (refreshed from Cannon at most once per poll_after_ms, later when a refresh
 * hits a fault) to catch up.
 */
const STUCK_AFTER_MS = DEFAULT_TIMING.queuedMs + DEFAULT_TIMING.processingMs + 15_000
const POLL_URL = /\/api\/v1\/requests\/(req_\w+)$/
// The faults studio is one for the whole run, so a retry finds the first attempt's renders there: each attempt's
// prompts say which attempt made them, and the test counts only its own.
const runPrefix = ({ repeatEachIndex, retry }: TestInfo) => `Fault run ${repeatEachIndex + 1}.${retry + 1}, take `

/** A render in the studio's gallery file (version 2, what GET /api/renders/export writes). */
interface ExportedRender {
  id: string
  idempotencyKey: string
  requestId: string | null
  status: string
  errorMessage?: string | null
  billableCredits?: number | null
  input: { prompt: string }
}

/** The demo balance, read through the faulty upstream: asked again until an answer gets through. */
async function credits(page: Page): Promise<number> {
  let remaining = Number.NaN
  await expect
    .poll(async () => {
      const response = await page.request.get('/api/v1/status')
      if (response.ok()) remaining = ((await response.json()) as { creditsRemaining: number }).creditsRemaining
      return Number.isFinite(remaining)
    })
    .toBe(true)
  return remaining
}

async function exportedRenders(page: Page): Promise<ExportedRender[]> {
  const download = page.waitForEvent('download')
  await page.getByRole('region', { name: 'Gallery' }).getByRole('button', { name: 'Export' }).click()
  const stream = await (await download).createReadStream()
  const chunks: Buffer[] = []
  for await (const chunk of stream) chunks.push(chunk as Buffer)
  return (JSON.parse(Buffer.concat(chunks).toString('utf8')) as { renders: ExportedRender[] }).renders
}

test('under faults, 20 renders with a reload between them each end once (succeeded, or failed with a reason) or stay followed', async ({
  page,
}) => {
  // Retries, 429s and backoff up to 10 s make some runs slow; the test is about how renders end, not how fast.
  test.setTimeout(150_000)
  const startedAt = Date.now()
  const prefix = runPrefix(test.info())
  const takePrompt = (i: number) => `${prefix}${String(i).padStart(2, '0')}`
  /** When each polled render was made (Cannon's createdAtMs): a render made before this attempt is not its own. */
  const createdAtMs = new Map<string, number>()
  const pageErrors: string[] = []
  page.on('pageerror', (error) => pageErrors.push(error.message))
  const postedKeys: string[] = []
  /** Request ids the BFF accepted for each idempotency key. */
  const acceptedIds = new Map<string, Set<string>>()
  const polledIds = new Set<string>()
  const endedIds = new Set<string>()
  /** Still processing after the simulator would have finished them: renders that will never end. */
  const stuckIds = new Set<string>()
  page.on('request', (request) => {
    if (request.method() === 'POST' && request.url().endsWith('/api/v1/requests'))
      postedKeys.push(request.headers()['x-idempotency-key'] ?? '')
    const polled = request.method() === 'GET' ? POLL_URL.exec(request.url()) : null
    if (polled) polledIds.add(polled[1]!)
  })
  // Polls pass through the test too: an answer is recorded even when a reload takes the page away from it.
  await page.route(POLL_URL, async (route) => {
    const response = await route.fetch()
    try {
      if (response.status() === 200) {
        const answer = (await response.json()) as { id: string; status: string; createdAtMs: number }
        // The Date header is the server's clock, rounded down: at least this late when the answer was made.
        const answeredAtMs = Date.parse(response.headers()['date'] ?? '')
        createdAtMs.set(answer.id, answer.createdAtMs)
        if (answer.status === 'succeeded' || answer.status === 'failed') endedIds.add(answer.id)
        else if (answer.status === 'processing' && answeredAtMs >= answer.createdAtMs + STUCK_AFTER_MS)
          stuckIds.add(answer.id)
      }
    } catch {
      // The BFF sends only well-formed 200s; anything else is the page's to retry.
    }
    await route.fulfill({ response }).catch(() => undefined) // the page may have reloaded meanwhile
  })
  // The gallery's pages tell of ends too: the studio's sweeper may see a render end before the page polls it.
  page.on('response', async (response) => {
    if (new URL(response.url()).pathname !== '/api/renders' || response.status() !== 200) return
    const { items } = (await response.json().catch(() => ({ items: [] }))) as {
      items: { requestId: string | null; status: string }[]
    }
    for (const { requestId, status } of items)
      if (requestId && (status === 'succeeded' || status === 'failed')) endedIds.add(requestId)
  })
  // Creates pass through the test, so a 202 is recorded even when a reload takes the page away before it arrives.
  await page.route('**/api/v1/requests', async (route) => {
    const request = route.request()
    if (request.method() !== 'POST') return route.continue()
    const response = await route.fetch()
    try {
      if (response.status() === 202) {
        const key = request.headers()['x-idempotency-key'] ?? ''
        const { id } = (await response.json()) as { id: string }
        acceptedIds.set(key, (acceptedIds.get(key) ?? new Set()).add(id))
      }
    } catch {
      // A 202 cut short by the simulator's malformed_rate: the page retries with the same key.
    }
    await route.fulfill({ response }).catch(() => undefined) // the page may have reloaded meanwhile
  })
  await page.goto('/')
  const creditsBefore = await credits(page)
  const gallery = page.getByRole('region', { name: 'Gallery' })
  const prompt = page.getByLabel('Prompt', { exact: true })
  const submitTakes = async (from: number, to: number) => {
    await chooseModel(page, 'Sora 2')
    for (let i = from; i <= to; i++) {
      await prompt.fill(takePrompt(i))
      await page.getByRole('button', { name: 'Generate' }).click()
      await expect(gallery.getByText(takePrompt(i), { exact: true })).toBeVisible()
    }
  }
  await submitTakes(1, RENDERS / 2)
  await page.reload() // some submissions are still on their way: they are sent again with their own key
  await submitTakes(RENDERS / 2 + 1, RENDERS)

  // Every render this attempt made was made after it started (the simulator runs on this machine's clock).
  const ownPolledIds = () => [...polledIds].filter((id) => (createdAtMs.get(id) ?? Infinity) >= startedAt)
  await expect
    .poll(
      () => ownPolledIds().length === RENDERS && ownPolledIds().every((id) => endedIds.has(id) || stuckIds.has(id)),
      {
        timeout: 90_000,
      },
    )
    .toBe(true)
  // The stuck ones never end: the studio keeps following them (its ledger marks them stale after 30 minutes of
  // its own clock, which this test does not wait for), shown as still processing, never as ended.
  const items = gallery.getByRole('listitem').filter({ hasText: prefix })
  const neverEnded = ownPolledIds().filter((id) => !endedIds.has(id))

  await page.reload() // every render, and how it ended, survives a reload
  await expect(items).toHaveCount(RENDERS)
  for (let i = 1; i <= RENDERS; i++) await expect(items.filter({ hasText: takePrompt(i) })).toHaveCount(1)
  const succeeded = items.filter({ has: page.getByText('Succeeded', { exact: true }) })
  const failed = items.filter({ has: page.getByText('Failed', { exact: true }) })
  const processing = items.filter({ has: page.getByText('Processing', { exact: true }) })
  await expect(processing).toHaveCount(neverEnded.length)
  await expect(succeeded).toHaveCount(RENDERS - neverEnded.length - (await failed.count()))

  const renders = (await exportedRenders(page)).filter((r) => r.input.prompt.startsWith(prefix))
  expect(renders).toHaveLength(RENDERS)
  expect(new Set(renders.map((r) => r.input.prompt)).size).toBe(RENDERS)
  for (const render of renders) {
    expect(render.requestId, render.input.prompt).toBeTruthy()
    // One create per submission: every answer to this key the page saw named the same request, the one in the
    // gallery. The page may have seen none: a create whose 202 a fault garbled, sent again by the studio's sweeper
    // after a reload (the ledger had it, so the page left it to the server).
    for (const id of acceptedIds.get(render.idempotencyKey) ?? [])
      expect(id, render.input.prompt).toBe(render.requestId)
    if (render.status === 'failed') expect(render.errorMessage, render.input.prompt).toBeTruthy()
    else if (render.status !== 'succeeded') expect(neverEnded, render.input.prompt).toContain(render.requestId)
  }
  expect(new Set(postedKeys)).toEqual(new Set(renders.map((r) => r.idempotencyKey)))
  expect(new Set(renders.map((r) => r.requestId)).size).toBe(RENDERS)
  // No credit wasted: the balance went down by exactly what the gallery's renders cost (failed ones are refunded).
  const charged = renders.reduce((sum, r) => sum + (r.billableCredits ?? 0), 0)
  expect(creditsBefore - (await credits(page))).toBe(charged)
  expect(pageErrors).toEqual([])

  const count = (status: string) => renders.filter((r) => r.status === status).length
  console.log(
    `faults run: ${RENDERS} renders, ${postedKeys.length} POSTs, ${new Set(postedKeys).size} idempotency keys, ` +
      `${new Set(renders.map((r) => r.requestId)).size} request ids; succeeded ${count('succeeded')}, ` +
      `failed ${count('failed')}, still followed ${neverEnded.length}; ${charged} credits charged; ` +
      `${Math.round((Date.now() - startedAt) / 1000)} s`,
  )
  // The page may still be polling: a pass-through left in flight would fail the next test.
  await page.unrouteAll({ behavior: 'ignoreErrors' })
})
