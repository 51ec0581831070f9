import { DEFAULT_LIMITS } from './limits'
import { MediaRefused, MediaStoreUnavailable } from './media-errors'
import type { MediaStore, StoredMedia } from './media-store'

export interface KeepTakeOptions {
  /** The fetch to download with (default: global fetch). */
  fetch?: typeof fetch
  /** The most bytes kept for one take (default: the video limit, 100 MB). */
  maxBytes?: number
  /** One attempt's time limit, from the request to the last byte (default 2 minutes). */
  timeoutMs?: number
  /** Attempts after the first, for network errors, timeouts, 408, 429 and 5xx (default 2). */
  retries?: number
  /** The first wait between attempts, doubled each time, with jitter (default 1 s). */
  backoffMs?: number
  /** Redirects followed, each to https only (default 3). */
  maxRedirects?: number
  /** The BFF's public-host check (where a host name resolves): a reason refuses the URL or a redirect to it. */
  hostCheck?: (hostname: string) => Promise<string | undefined>
  signal?: AbortSignal
  sleep?: (ms: number) => Promise<void>
}

export type KeepTakeResult =
  | { ok: true; media: StoredMedia; attempts: number }
  /** `retryable`: worth trying again later (the host or the store was away), not a refusal of the take itself. */
  | { ok: false; reason: string; retryable: boolean; attempts: number }

class Final extends Error {}
class Transient extends Error {}

const RETRYABLE_STATUS = (status: number) => status === 408 || status === 429 || status >= 500

function urlProblem(url: URL): string | undefined {
  if (url.protocol !== 'https:') return 'is not an https:// URL'
  if (url.username || url.password) return 'carries a user name or password'
  return undefined
}

/**
 * Keeps a copy of a finished take: downloads the video from the URL exactly as Cannon returned it (https only;
 * redirects followed only to https), streams it through `store.put` (sniffed: only video kinds; content-addressed;
 * capped at `maxBytes`, refused at once when the declared length is over it), with a time limit per attempt and
 * retries with backoff for failures that may pass. Nothing is kept from a failed attempt.
 */
export async function keepTake(store: MediaStore, url: string, options: KeepTakeOptions = {}): Promise<KeepTakeResult> {
  const { retries = 2, backoffMs = 1000, signal } = options
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((done) => setTimeout(done, ms)))
  let attempts = 0
  let lastReason = 'The take could not be downloaded'
  for (let attempt = 0; attempt <= retries; attempt++) {
    if (attempt > 0) await sleep(backoffMs * 2 ** (attempt - 1) * (0.75 + Math.random() / 2))
    if (signal?.aborted) return { ok: false, reason: 'Keeping the take was stopped', retryable: true, attempts }
    attempts++
    try {
      return { ok: true, media: await attemptOnce(store, url, options), attempts }
    } catch (error) {
      if (error instanceof MediaRefused || error instanceof Final) {
        return { ok: false, reason: error.message, retryable: false, attempts }
      }
      if (signal?.aborted) return { ok: false, reason: 'Keeping the take was stopped', retryable: true, attempts }
      lastReason = describe(error, options.timeoutMs ?? 120_000)
    }
  }
  return { ok: false, reason: lastReason, retryable: true, attempts }
}

async function attemptOnce(store: MediaStore, startUrl: string, options: KeepTakeOptions): Promise<StoredMedia> {
  const { maxBytes = DEFAULT_LIMITS.bytes.video, timeoutMs = 120_000, maxRedirects = 3 } = options
  const doFetch = options.fetch ?? fetch
  const timeout = AbortSignal.timeout(timeoutMs)
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout
  let url = startUrl
  for (let hop = 0; ; hop++) {
    const parsed = URL.canParse(url) ? new URL(url) : undefined
    const problem = parsed ? urlProblem(parsed) : 'is not a URL'
    if (problem || !parsed) throw new Final(`The take's URL ${problem}`)
    const hostProblem = await options.hostCheck?.(parsed.hostname)
    if (hostProblem) throw new Final(`The take's URL ${hostProblem}`)

    const response = await doFetch(url, { redirect: 'manual', signal, headers: { accept: 'video/*' } })
    const location = response.headers.get('location')
    if (response.status >= 300 && response.status < 400 && location) {
      await response.body?.cancel()
      if (hop >= maxRedirects) throw new Final(`The take's URL redirected more than ${maxRedirects} times`)
      url = new URL(location, url).href
      continue
    }
    if (!response.ok || !response.body) {
      await response.body?.cancel()
      const message = `The take's host answered ${response.status}`
      throw RETRYABLE_STATUS(response.status) ? new Transient(message) : new Final(message)
    }
    const declared = Number(response.headers.get('content-length') ?? NaN)
    return store.put(response.body, {
      kinds: ['video'],
      maxBytes,
      signal,
      ...(Number.isSafeInteger(declared) && declared >= 0 ? { declaredBytes: declared } : {}),
    })
  }
}

function describe(error: unknown, timeoutMs: number): string {
  if (error instanceof DOMException && error.name === 'TimeoutError') {
    const limit = timeoutMs < 1000 ? `${timeoutMs} ms` : `${Math.round(timeoutMs / 1000)} s`
    return `The take did not download within ${limit}`
  }
  if (error instanceof MediaStoreUnavailable || error instanceof Transient) return error.message
  const cause = (error as { cause?: { code?: unknown } }).cause?.code
  return `The take could not be downloaded${typeof cause === 'string' ? ` (${cause})` : ''}`
}
