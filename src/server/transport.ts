import { Pool } from 'undici'

export interface TransportRequest {
  method: 'GET' | 'POST'
  url: string
  headers: Record<string, string>
  body?: string
  signal: AbortSignal
}

/** What the upstream client needs of a reply: the body is read in full before the transport resolves. */
export interface TransportReply {
  status: number
  text: string
  retryAfter?: string
}

/** One HTTP exchange; it rejects on a network failure or when the signal aborts. */
export type Transport = (request: TransportRequest) => Promise<TransportReply>

export type FetchLike = (request: Request) => Promise<Response>

/** A transport over a fetch handler: the simulator's in demo mode, or a fetch that msw intercepts in tests. */
export function fetchTransport(fetch: FetchLike): Transport {
  return async ({ method, url, headers, body, signal }) => {
    const response = await fetch(new Request(url, { method, headers, body, signal }))
    return {
      status: response.status,
      text: await response.text(),
      retryAfter: response.headers.get('retry-after') ?? undefined,
    }
  }
}

export interface PooledTransport {
  transport: Transport
  close(): Promise<void>
}

/**
 * A transport over undici's keep-alive connection pool to one origin. Polls are most of the BFF's traffic,
 * and undici's `request` costs far less CPU per call than global fetch (see bench/bff.ts).
 */
export function pooledTransport(origin: string, connections = 64): PooledTransport {
  const pool = new Pool(new URL(origin).origin, { connections, keepAliveTimeout: 30_000 })
  return {
    transport: async ({ method, url, headers, body, signal }) => {
      const { pathname, search } = new URL(url)
      const response = await pool.request({ method, path: pathname + search, headers, body, signal })
      const retryAfter = response.headers['retry-after']
      return {
        status: response.statusCode,
        text: await response.body.text(),
        retryAfter: Array.isArray(retryAfter) ? retryAfter[0] : retryAfter,
      }
    },
    close: () => pool.close(),
  }
}
