import { errors, Pool } from 'undici'

export interface TransportRequest {
  method: 'GET' | 'POST'
  /** Path and query, relative to the transport's origin. */
  path: string
  headers: Record<string, string>
  body?: string
  /** What is left of the call's budget; the exchange fails with TransportTimeout once it runs out. */
  timeoutMs: number
  /** A reply body larger than this fails the exchange with TransportTooLarge (the connection is dropped). */
  maxBodyBytes: number
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
export class TransportTooLarge extends Error {}

async function readCapped(response: Response, maxBytes: number): Promise<string> {
  const declared = Number(response.headers.get('content-length') ?? 0)
  if (declared > maxBytes) throw new TransportTooLarge('reply too large')
  if (!response.body) return ''
  const chunks: Uint8Array[] = []
  let size = 0
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    size += chunk.byteLength
    if (size > maxBytes) throw new TransportTooLarge('reply too large')
    chunks.push(chunk)
  }
  return Buffer.concat(chunks).toString('utf8')
}

export type FetchLike = (request: Request) => Promise<Response>

/** A transport over a fetch handler: the simulator's in demo mode, or a fetch that msw intercepts in tests. */
export function fetchTransport(origin: string, fetch: FetchLike): Transport {
  return async ({ method, path, headers, body, timeoutMs, maxBodyBytes }) => {
    const controller = new AbortController()
    const timer = setTimeout(() => controller.abort(), timeoutMs)
    try {
      const response = await fetch(
        new Request(`${origin}${path}`, { method, headers, body, signal: controller.signal }),
      )
      return {
        status: response.status,
        text: await readCapped(response, maxBodyBytes),
        retryAfter: response.headers.get('retry-after') ?? undefined,
      }
    } catch (error) {
      if (error instanceof TransportTooLarge) {
        controller.abort()
        throw error
      }
      throw controller.signal.aborted ? new TransportTimeout('timed out', { cause: error }) : error
    } finally {
      clearTimeout(timer)
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
 * budget covers the whole exchange (one plain timer that aborts it, not an AbortSignal with its EventTarget
 * and listeners), and a body over `maxBodyBytes` aborts it at once.
 */
export function pooledTransport(origin: string, connections = 64): PooledTransport {
  const pool = new Pool(new URL(origin).origin, { connections, keepAliveTimeout: 30_000 })
  return {
    transport: ({ method, path, headers, body, timeoutMs, maxBodyBytes }) =>
      new Promise((resolve, reject) => {
        let status = 0
        let retryAfter: string | undefined
        let size = 0
        const chunks: Buffer[] = []
        let abort: ((reason: Error) => void) | undefined
        let pending: Error | undefined
        const stop = (reason: Error) => (abort ? abort(reason) : (pending = reason))
        const timer = setTimeout(() => stop(new TransportTimeout('timed out')), timeoutMs)
        pool.dispatch(
          { method, path, headers, body, headersTimeout: timeoutMs, bodyTimeout: timeoutMs },
          {
            onConnect(abortExchange) {
              abort = abortExchange
              if (pending) abortExchange(pending)
            },
            onHeaders(statusCode, rawHeaders) {
              status = statusCode
              retryAfter = headerValue(rawHeaders, 'retry-after')
              const declared = Number(headerValue(rawHeaders, 'content-length') ?? 0)
              if (declared > maxBodyBytes) stop(new TransportTooLarge('reply too large'))
              return true
            },
            onData(chunk) {
              size += chunk.length
              if (size > maxBodyBytes) {
                stop(new TransportTooLarge('reply too large'))
                return false
              }
              chunks.push(chunk)
              return true
            },
            onComplete() {
              clearTimeout(timer)
              resolve({ status, text: Buffer.concat(chunks).toString('utf8'), retryAfter })
            },
            onError(error) {
              clearTimeout(timer)
              const timedOut = error instanceof errors.HeadersTimeoutError || error instanceof errors.BodyTimeoutError
              reject(timedOut ? new TransportTimeout('timed out', { cause: error }) : error)
            },
          },
        )
      }),
    close: () => pool.close(),
  }
}
