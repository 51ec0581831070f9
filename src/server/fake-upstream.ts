import { createServer, type IncomingHttpHeaders } from 'node:http'
import type { AddressInfo } from 'node:net'

/** One call the fake upstream received, as it arrived on the wire. */
export interface RecordedCall {
  method: string
  path: string
  headers: IncomingHttpHeaders
  body: string
}

export interface FakeReply {
  status: number
  /** Sent as JSON unless it is a string, which is sent as it is (to play a malformed reply). */
  body?: unknown
  headers?: Record<string, string>
  /** Wait this long before answering (to play a slow upstream). */
  delayMs?: number
  /** Send the body one byte every this many ms and never finish (to play an upstream that trickles). */
  trickleMs?: number
}

export type FakeResponder = (call: RecordedCall) => FakeReply | undefined

/** What the fake's happy path says about itself: its OpenAPI document (404 when absent) and the key's scopes. */
export interface FakeWorld {
  openApi?: unknown
  scopes: string[]
}

const FULL_SCOPES = ['requests:write', 'requests:read']

/**
 * Cannon's documented happy path, enough for contract tests and the benchmark: creates get req_fake_1, _2, …
 * (a repeat of an idempotency key gets its first id again, as Cannon promises).
 */
function cannonLikeReplies(world: FakeWorld) {
  const idsByKey = new Map<string, string>()
  let created = 0
  return (call: RecordedCall): FakeReply => {
    if (call.method === 'POST' && call.path === '/api/v1/requests') {
      const { operation } = JSON.parse(call.body) as { operation: string }
      const key = String(call.headers['x-idempotency-key'] ?? crypto.randomUUID())
      const id = idsByKey.get(key) ?? `req_fake_${++created}`
      idsByKey.set(key, id)
      return { status: 202, body: { id, status: 'queued', operation, poll_after_ms: 1000 } }
    }
    return cannonLikeRead(call, world)
  }
}

export function cannonLikeRead(call: RecordedCall, world: FakeWorld = { scopes: FULL_SCOPES }): FakeReply {
  const poll = /^\/api\/v1\/requests\/([\w-]+)$/.exec(call.path)
  if (call.method === 'GET' && poll) {
    return {
      status: 200,
      body: { id: poll[1], operation: 'video.generate', status: 'processing', billableCredits: 48, output: null },
    }
  }
  if (call.method === 'GET' && call.path === '/api/v1/status') {
    return {
      status: 200,
      body: { ok: true, creditsRemaining: 900, apiKey: { name: 'Fake key', scopes: world.scopes } },
    }
  }
  if (call.method === 'GET' && call.path === '/api/v1/openapi' && world.openApi !== undefined) {
    return { status: 200, body: world.openApi }
  }
  return { status: 404, body: { error: { message: 'Not found' } } }
}

/**
 * A real HTTP server on 127.0.0.1 standing in for Cannon: it records every call (unless told not to, as the
 * benchmark does) and answers with the responder's reply, falling back to Cannon's happy path.
 */
export async function startFakeUpstream(options: { record?: boolean; port?: number } = {}) {
  const calls: RecordedCall[] = []
  const world: FakeWorld = { scopes: [...FULL_SCOPES] }
  const happyPath = cannonLikeReplies(world)
  let responder: FakeResponder = () => undefined
  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      const call = {
        method: req.method ?? '',
        path: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString(),
      }
      if (options.record !== false) calls.push(call)
      const reply = responder(call) ?? happyPath(call)
      const send = () => {
        const text = typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body ?? null)
        res.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers })
        if (reply.trickleMs === undefined) return res.end(text)
        let sent = 0
        const timer = setInterval(() => {
          if (res.destroyed) return clearInterval(timer)
          res.write(text.charAt(sent++ % text.length))
        }, reply.trickleMs)
        res.on('close', () => clearInterval(timer))
      }
      if (reply.delayMs) setTimeout(send, reply.delayMs)
      else send()
    })
  })
  server.keepAliveTimeout = 60_000
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    origin: `http://127.0.0.1:${port}`,
    calls,
    /** Change it to serve an OpenAPI document (`openApi`) or other scopes for the key on the happy path. */
    world,
    /** Replaces how the next calls are answered; `undefined` from the responder means the happy path. */
    respondWith(next: FakeResponder) {
      responder = next
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

export type FakeUpstream = Awaited<ReturnType<typeof startFakeUpstream>>
