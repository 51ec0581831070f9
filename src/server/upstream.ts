import { fetchTransport, TransportTimeout, type FetchLike, type Transport, type TransportReply } from './transport'

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
    readonly reason: 'timeout' | 'network',
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

/**
 * Signs every call with the team's key and reads the reply as JSON; the key is never echoed. Retries network
 * failures and 5xx with backoff, but only for calls that are safe to repeat: GETs, and creates that carry an
 * idempotency key (Cannon then answers a repeat with the original request instead of a second render).
 */
export function createUpstreamClient(options: UpstreamOptions): UpstreamClient {
  const { baseUrl, apiKey, timeoutMs = 30_000, retryDelaysMs = [250, 1000] } = options
  const transport = 'transport' in options ? options.transport : fetchTransport(baseUrl, options.fetch)
  return {
    async send(method, path, options = {}) {
      const headers: Record<string, string> = { accept: 'application/json', 'x-api-key': apiKey }
      if (options.body !== undefined) headers['content-type'] = 'application/json'
      if (options.idempotencyKey) headers['x-idempotency-key'] = options.idempotencyKey
      const repeatable = method === 'GET' || options.idempotencyKey !== undefined
      const deadline = performance.now() + timeoutMs
      const timedOut = () => new UpstreamUnavailable('timeout', `Cannon did not answer within ${timeoutMs / 1000} s`)

      for (let attempt = 0; ; attempt++) {
        const mayRetry = repeatable && attempt < retryDelaysMs.length
        const remainingMs = deadline - performance.now()
        if (remainingMs <= 0) throw timedOut()
        let reply: TransportReply
        try {
          reply = await transport({ method, path, headers, body: options.body, timeoutMs: Math.ceil(remainingMs) })
        } catch (error) {
          if (error instanceof TransportTimeout) throw timedOut()
          if (!mayRetry) throw new UpstreamUnavailable('network', 'Cannon could not be reached')
          await pause(retryDelaysMs[attempt]!, deadline)
          continue
        }
        if (mayRetry && RETRYABLE_STATUS.has(reply.status)) {
          await pause(retryDelaysMs[attempt]!, deadline)
          if (performance.now() < deadline) continue
        }
        // Should Cannon ever echo the key (say, in an error message), it goes no further than this line.
        const text = reply.text.includes(apiKey) ? reply.text.split(apiKey).join('[redacted]') : reply.text
        return { status: reply.status, body: parseJson(text), text, retryAfter: reply.retryAfter }
      }
    },
  }
}
