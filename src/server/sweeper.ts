import { hostname } from 'node:os'
import { isTerminal, requestObjectSchema } from '@/catalog/api-contract'
import type { Render } from '@/catalog/render-contract'
import type { Database } from '@/ledger/database'
import { applyRequestObject } from '@/ledger/render-store'
import { claimDue, markStale, releaseClaim, type ClaimedRender } from '@/ledger/render-sweep'
import { STALE_AFTER_MS } from '@/ledger/timing'
import type { RenderSubmitter } from './render-submitter'
import { UpstreamUnavailable, type UpstreamClient } from './upstream'

export interface SweeperOptions {
  db: Database
  upstream: UpstreamClient
  submit: RenderSubmitter
  /** How often to look for due work. */
  intervalMs?: number
  /** Renders followed at once by this process. */
  concurrency?: number
  /** How long a claim holds before another sweeper may take the render (covers the upstream's 30 s budget). */
  leaseMs?: number
  now?: () => number
  log?: (event: Record<string, unknown>) => void
  /** Called once a render this sweeper followed has finished (e.g. to keep a copy of its take). */
  onFinished?: (render: Render) => void
}

const MAX_DELAY_MS = 10_000

/**
 * When to look again, as the browser's poller would: poll_after_ms at first, then growing by half of the time
 * already waited, up to 10 s; on failures ×1.5 per failure; Retry-After when Cannon gives one; 0–20 % jitter.
 */
export function nextDelayMs(claim: ClaimedRender, nowMs: number, failed: boolean, retryAfterS?: number): number {
  if (retryAfterS !== undefined && Number.isFinite(retryAfterS)) return Math.max(1_000, retryAfterS * 1000)
  const pollAfter = Math.max(500, claim.render.pollAfterMs ?? 2_000)
  const waited = nowMs - (claim.watchSinceMs ?? claim.render.createdAtMs)
  const base = failed ? pollAfter * 1.5 ** (claim.pollFailures + 1) : Math.max(pollAfter, waited / 2)
  return Math.round(Math.min(MAX_DELAY_MS, base) * (1 + Math.random() * 0.2))
}

/**
 * Follows every unfinished render to its end with no browser open: re-sends creates that never got their 202
 * (same idempotency key) and polls the rest, claiming each with the ledger's FOR UPDATE SKIP LOCKED lease so
 * that several studio processes never poll one render at once. Marks a render stale after 30 minutes.
 */
export function createSweeper(options: SweeperOptions) {
  const { db, upstream, submit, intervalMs = 1_000, concurrency = 8, leaseMs = 45_000, now = Date.now } = options
  const owner = `${hostname()}:${process.pid}:${crypto.randomUUID().slice(0, 8)}`
  let inFlight = 0
  let timer: ReturnType<typeof setTimeout> | undefined
  let stopped = false

  async function follow(claim: ClaimedRender) {
    const { render } = claim
    if (render.status === 'submitting') {
      // Sent again with the same key: Cannon answers a repeat with the original request, never a second render.
      await submit(render.idempotencyKey, claim.createBody).catch((error: unknown) => {
        if (!(error instanceof UpstreamUnavailable)) throw error
      })
      return
    }
    if (now() - (claim.watchSinceMs ?? render.createdAtMs) >= STALE_AFTER_MS) {
      await markStale(db, render.id, now())
      return
    }
    let failed = true
    let pollError: string | undefined
    let retryAfterS: number | undefined
    try {
      const reply = await upstream.send('GET', `/api/v1/requests/${render.requestId}`)
      const parsed = requestObjectSchema.safeParse(reply.body)
      if (reply.status === 200 && parsed.success && parsed.data.id === render.requestId) {
        const updated = await applyRequestObject(db, render.requestId, parsed.data, now())
        failed = false
        if (updated && isTerminal(updated.status)) {
          options.log?.({ msg: 'render_finished', id: render.id, status: updated.status })
          options.onFinished?.(updated)
        }
      } else {
        pollError =
          reply.status === 200
            ? 'Cannon sent a reply the studio could not read'
            : `Cannon answered HTTP ${reply.status}`
        if (reply.status === 429) retryAfterS = Number(reply.retryAfter ?? 5)
      }
    } catch (error) {
      if (!(error instanceof UpstreamUnavailable)) throw error
      pollError = error.message
    }
    await releaseClaim(db, render.id, owner, {
      nextPollAtMs: now() + nextDelayMs(claim, now(), failed, retryAfterS),
      ...(failed ? { pollError, failed: true } : {}),
      nowMs: now(),
    })
  }

  async function tick() {
    const room = concurrency - inFlight
    if (room <= 0) return
    const claims = await claimDue(db, { owner, limit: room, nowMs: now(), leaseMs })
    for (const claim of claims) {
      inFlight++
      void follow(claim)
        .catch((error: unknown) =>
          options.log?.({ level: 'error', msg: 'sweep_failed', id: claim.render.id, error: String(error) }),
        )
        .finally(() => inFlight--)
    }
  }

  function schedule() {
    if (stopped) return
    timer = setTimeout(() => {
      tick()
        .catch((error: unknown) => options.log?.({ level: 'error', msg: 'sweep_claim_failed', error: String(error) }))
        .finally(schedule)
    }, intervalMs)
    timer.unref?.()
  }

  return {
    owner,
    start: schedule,
    /** One pass (a scheduled job on a serverless host calls this every few seconds). */
    sweepOnce: tick,
    get inFlight() {
      return inFlight
    },
    async stop() {
      stopped = true
      clearTimeout(timer)
      while (inFlight > 0) await new Promise((resolve) => setTimeout(resolve, 20))
    },
  }
}

export type Sweeper = ReturnType<typeof createSweeper>
