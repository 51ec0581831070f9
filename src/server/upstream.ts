import { createCallSlots } from './call-slots'
import { createSecretScrubber } from './secret-scrubber'
import {
  fetchTransport,
  TransportTimeout,
  TransportTooLarge,
  type FetchLike,
  type Transport,
  type TransportReply,
} from './transport'

export interface UpstreamReply {
  status: number
  /** The parsed JSON body, or `undefined` when the body was not JSON. */
  body: unknown
  /** The body as received (with the key redacted), so a valid reply can be relayed without serialising it again. */
  text: string
  retryAfter?: string
}

export class UpstreamUnavailable extends Error {
  constructor(
    readonly reason: 'timeout' | 'network' | 'too_large',
    message: string,
  ) {
    super(message)
  }
}

export interface UpstreamClient {
  send(
    method: 'GET' | 'POST',
    path: string,
    options?: { body?: string; idempotencyKey?: string },
  ): Promise<UpstreamReply>
}

type UpstreamOptions = {
  baseUrl: string
  apiKey: string
  /** The whole budget for one call, retries included. */
  timeoutMs?: number
  /** Pause before each retry; its length bounds the number of retries. Jitter of up to half is added. */
  retryDelaysMs?: readonly number[]
  /** Calls in flight at once; more wait in line, within their own deadline. */
  maxConcurrent?: number
  /** A larger reply is dropped and answered 502: Cannon's replies are small JSON objects. */
  maxBodyBytes?: number
} & ({ transport: Transport } | { fetch: FetchLike })

const RETRYABLE_STATUS = new Set([500, 502, 503, 504])

function parseJson(text: string): unknown {
  try {
    return text ? JSON.parse(text) : undefined
  } catch {
    return undefined
  }
}

/** Waits before a retry, with jitter, but never past the call's deadline. */
function pause(ms: number, deadline: number): Promise<void> {
  const wait = Math.min(ms + Math.random() * (ms / 2), deadline - performance.now())
  return new Promise((resolve) => (wait > 0 ? setTimeout(resolve, wait) : resolve()))
}

/** The reply as parsed JSON and as text to relay, with the key in any of its shapes replaced. */
function readReply(reply: TransportReply, scrub: ReturnType<typeof createSecretScrubber>): UpstreamReply {
  const parsed = parseJson(reply.text)
  if (parsed === undefined) {
    const text = scrub.text(reply.text)
    return { status: reply.status, body: undefined, text, retryAfter: reply.retryAfter }
  }
  const body = scrub.value(parsed)
  const text = body === parsed ? reply.text : JSON.stringify(body)
  return { status: reply.status, body, text, retryAfter: reply.retryAfter }
}

/**
 * Signs every call with the team's key and reads the reply as JSON; the key is never echoed. Retries network
 * failures and 5xx with backoff, but only for calls that are safe to repeat: GETs, and creates that carry an
 * idempotency key (Cannon then answers a repeat with the original request instead of a second render).
 */
export function createUpstreamClient(options: UpstreamOptions): UpstreamClient {
  const { baseUrl, apiKey, timeoutMs = 30_000, retryDelaysMs = [250, 1000] } = options
  const { maxConcurrent = 64, maxBodyBytes = 2 * 1024 * 1024 } = options
  const transport = 'transport' in options ? options.transport : fetchTransport(baseUrl, options.fetch)
  const slots = createCallSlots(maxConcurrent)
  const scrub = createSecretScrubber([apiKey])
  return {
    async send(method, path, options = {}) {
      const deadline = performance.now() + timeoutMs
      const release = await slots.acquire(deadline)
      if (!release) throw new UpstreamUnavailable('timeout', `Cannon did not answer within ${timeoutMs / 1000} s`)
      try {
        return await exchange(method, path, options, deadline)
      } finally {
        release()
      }
    },
  }

  async function exchange(
    method: 'GET' | 'POST',
    path: string,
    options: { body?: string; idempotencyKey?: string },
    deadline: number,
  ): Promise<UpstreamReply> {
    const headers: Record<string, string> = { accept: 'application/json', 'x-api-key': apiKey }
    if (options.body !== undefined) headers['content-type'] = 'application/json'
    if (options.idempotencyKey) headers['x-idempotency-key'] = options.idempotencyKey
    const repeatable = method === 'GET' || options.idempotencyKey !== undefined
    const timedOut = () => new UpstreamUnavailable('timeout', `Cannon did not answer within ${timeoutMs / 1000} s`)

    for (let attempt = 0; ; attempt++) {
      const mayRetry = repeatable && attempt < retryDelaysMs.length
      const remainingMs = deadline - performance.now()
      if (remainingMs <= 0) throw timedOut()
      let reply: TransportReply
      try {
        reply = await transport({
          method,
          path,
          headers,
          body: options.body,
          timeoutMs: Math.ceil(remainingMs),
          maxBodyBytes,
        })
      } catch (error) {
        if (error instanceof TransportTimeout) throw timedOut()
        if (error instanceof TransportTooLarge) {
          throw new UpstreamUnavailable('too_large', `Cannon sent a reply over ${maxBodyBytes / 1024 / 1024} MB`)
        }
        if (!mayRetry) throw new UpstreamUnavailable('network', 'Cannon could not be reached')
        await pause(retryDelaysMs[attempt]!, deadline)
        continue
      }
      if (mayRetry && RETRYABLE_STATUS.has(reply.status)) {
        await pause(retryDelaysMs[attempt]!, deadline)
        if (performance.now() < deadline) continue
      }
      // Should Cannon ever echo the key (say, in an error message), it goes no further than this line.
      return readReply(reply, scrub)
    }
  }
}
