export type FetchLike = (request: Request) => Promise<Response>

export interface UpstreamReply {
  status: number
  /** The parsed JSON body, or `undefined` when the body was not JSON. */
  body: unknown
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

interface UpstreamOptions {
  baseUrl: string
  apiKey: string
  fetch: FetchLike
  timeoutMs?: number
}

/** Signs every call with the team's key and reads the reply as JSON. The key is never echoed. */
export function createUpstreamClient({ baseUrl, apiKey, fetch, timeoutMs = 30_000 }: UpstreamOptions): UpstreamClient {
  return {
    async send(method, path, options = {}) {
      const headers = new Headers({ accept: 'application/json', 'x-api-key': apiKey })
      if (options.body !== undefined) headers.set('content-type', 'application/json')
      if (options.idempotencyKey) headers.set('x-idempotency-key', options.idempotencyKey)
      let response: Response
      try {
        response = await fetch(
          new Request(`${baseUrl}${path}`, {
            method,
            headers,
            body: options.body,
            signal: AbortSignal.timeout(timeoutMs),
          }),
        )
      } catch (error) {
        const timedOut = error instanceof DOMException && error.name === 'TimeoutError'
        throw new UpstreamUnavailable(
          timedOut ? 'timeout' : 'network',
          timedOut ? `Cannon did not answer within ${timeoutMs / 1000} s` : 'Cannon could not be reached',
        )
      }
      const text = await response.text()
      let body: unknown
      try {
        body = text ? JSON.parse(text) : undefined
      } catch {
        body = undefined
      }
      return { status: response.status, body, retryAfter: response.headers.get('retry-after') ?? undefined }
    },
  }
}
