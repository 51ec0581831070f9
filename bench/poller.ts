import { launchBrowser, round1, SEED_RENDERS } from './browser'

export interface PollerFigures {
  renders: number
  /** GET /api/v1/requests/:id per render, from page load until every render has finished. */
  requestsPerRender: number
  /** Polls per minute across the page while `renders` renders stay in flight. */
  inFlight: number
  requestsPerMinute: number
}

async function createRenders(url: string, count: number) {
  const now = Date.now()
  const created = []
  for (let i = 0; i < count; i++) {
    const response = await fetch(`${url}/api/v1/requests`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: url },
      body: JSON.stringify({ operation: 'video.generate', input: { model: 'grok', prompt: `poll ${i}`, duration: 6 } }),
    })
    if (response.status !== 202) throw new Error(`create answered ${response.status}`)
    const { id, poll_after_ms } = (await response.json()) as { id: string; poll_after_ms: number }
    created.push({
      localId: `poll-${i}`,
      idempotencyKey: `poll-key-${i}`,
      requestId: id,
      input: { model: 'grok', prompt: `poll ${i}`, duration: 6 },
      status: 'queued',
      createdAtMs: now,
      updatedAtMs: now,
      acceptedAtMs: now,
      pollAfterMs: poll_after_ms,
      watchSinceMs: now,
      favourite: false,
      stale: false,
    })
  }
  return created
}

/** Loads the studio with `count` accepted renders in IndexedDB and counts its polls for `seconds` or until all end. */
async function countPolls(url: string, count: number, seconds: number) {
  const browser = await launchBrowser()
  try {
    const page = await browser.newPage()
    await page.goto(`${url}/favicon.svg`)
    const renders = await createRenders(url, count)
    await page.evaluate(SEED_RENDERS, renders)
    const pending = new Set(renders.map((r) => r.requestId))
    let polls = 0
    page.on('response', (response) => {
      const id = /^\/api\/v1\/requests\/([^/]+)$/.exec(new URL(response.url()).pathname)?.[1]
      if (!id || response.request().method() !== 'GET') return
      polls++
      void response.json().then(
        (body: { status?: string }) => {
          if (body.status === 'succeeded' || body.status === 'failed') pending.delete(id)
        },
        () => undefined,
      )
    })
    const started = Date.now()
    await page.goto(url)
    while (pending.size > 0 && Date.now() - started < seconds * 1000) await page.waitForTimeout(100)
    return { polls, seconds: (Date.now() - started) / 1000, finished: pending.size === 0 }
  } finally {
    await browser.close()
  }
}

/**
 * `finishingUrl`: a demo studio whose renders end in a few seconds (requests per render). `stuckUrl`: one whose
 * simulator keeps every render processing (SIMULATOR_FAULTS=stuck_rate=1), so 50 stay in flight for the window.
 */
export async function measurePoller(finishingUrl: string, stuckUrl: string, inFlight = 50, windowSeconds = 30) {
  const single = await countPolls(finishingUrl, 10, 60)
  const load = await countPolls(stuckUrl, inFlight, windowSeconds)
  return {
    renders: 10,
    requestsPerRender: round1(single.polls / 10),
    inFlight,
    requestsPerMinute: Math.round((load.polls / load.seconds) * 60),
  } satisfies PollerFigures
}
