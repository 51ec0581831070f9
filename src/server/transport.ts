import { errors, Pool } from 'undici'

export interface TransportRequest {
  method: 'GET' | 'POST'
  /** Path and query, relative to the transport's origin. */
  path: string
  headers: Record<string, string>
  body?: string
  /** What is left of the call's budget; the exchange fails with TransportTimeout once it runs out. */
  timeoutMs: number
}

/** What the upstream client needs of a reply: the body is read in full before the transport resolves. */
export interface TransportReply {
  status: number
  text: string
  retryAfter?: string
}

/** One HTTP exchange; it rejects with TransportTimeout when out of time, with another error on a network failure. */
export type Transport = (request: TransportRequest) => Promise<TransportReply>

export class TransportTimeout extends Error {}

export type FetchLike = (request: Request) => Promise<Response>

/** A transport over a fetch handler: the simulator's in demo mode, or a fetch that msw intercepts in tests. */
export function fetchTransport(origin: string, fetch: FetchLike): Transport {
  return async ({ method, path, headers, body, timeoutMs }) => {
    const signal = AbortSignal.timeout(timeoutMs)
    try {
      const response = await fetch(new Request(`${origin}${path}`, { method, headers, body, signal }))
      return {
        status: response.status,
        text: await response.text(),
        retryAfter: response.headers.get('retry-after') ?? undefined,
      }
    } catch (error) {
      throw signal.aborted ? new TransportTimeout('timed out', { cause: error }) : error
    }
  }
}

/** The first value of a header in undici's raw list (name, value, name, value…). */
function headerValue(raw: Buffer[], name: string): string | undefined {
  for (let i = 0; i < raw.length; i += 2) {
    if (raw[i]!.toString('latin1').toLowerCase() === name) return raw[i + 1]!.toString('latin1')
  }
  return undefined
}

export interface PooledTransport {
  transport: Transport
  close(): Promise<void>
}

/**
 * A transport over undici's keep-alive connection pool to one origin. Polls are most of the BFF's traffic, so
 * it uses undici's lowest-level call, `dispatch`, with a handler that gathers the body: global fetch costs
 * several times more CPU per call, and `request` builds a Readable stream per reply (see bench/bff.ts). The
 * budget is enforced by undici's own timers (headers within it, no pause in the body longer than it) rather
 * than by an AbortSignal per call, which costs a timer, an EventTarget and listeners on every poll.
 */
export function pooledTransport(origin: string, connections = 64): PooledTransport {
  const pool = new Pool(new URL(origin).origin, { connections, keepAliveTimeout: 30_000 })
  return {
    transport: ({ method, path, headers, body, timeoutMs }) =>
      new Promise((resolve, reject) => {
        let status = 0
        let retryAfter: string | undefined
        const chunks: Buffer[] = []
        pool.dispatch(
          { method, path, headers, body, headersTimeout: timeoutMs, bodyTimeout: timeoutMs },
          {
            onConnect() {},
            onHeaders(statusCode, rawHeaders) {
              status = statusCode
              retryAfter = headerValue(rawHeaders, 'retry-after')
              return true
            },
            onData(chunk) {
              chunks.push(chunk)
              return true
            },
            onComplete() {
              resolve({ status, text: Buffer.concat(chunks).toString('utf8'), retryAfter })
            },
            onError(error) {
              const timedOut = error instanceof errors.HeadersTimeoutError || error instanceof errors.BodyTimeoutError
              reject(timedOut ? new TransportTimeout('timed out', { cause: error }) : error)
            },
          },
        )
      }),
    close: () => pool.close(),
  }
}
