// Child processes for bench/bff.ts: the fake upstream, the BFF in live mode in front of it, or the cheapest
// Hono handler on @hono/node-server (the ceiling any Hono app on Node reaches on this machine).
// Run as `tsx bench/bff-processes.ts upstream <port>`, `tsx bench/bff-processes.ts hello <port>` or
// `tsx bench/bff-processes.ts bff <port> <origin> <undici|fetch>`.
import { serve } from '@hono/node-server'
import { Hono } from 'hono'
import { catalogV1 } from '../src/catalog/models-v1'
import { createBffApp } from '../src/server/app'
import { cannonLikeRead, startFakeUpstream } from '../src/server/fake-upstream'
import { batchedLineWriter } from '../src/server/log-sink'
import { createLogger } from '../src/server/logger'
import { pooledTransport } from '../src/server/transport'
import { createUpstreamClient } from '../src/server/upstream'

const [role, port, origin, transportName] = process.argv.slice(2)

if (role === 'upstream') {
  await startFakeUpstream({ record: false, port: Number(port) })
} else if (role === 'hello') {
  // The same body the fake upstream sends to a poll, built once: what is measured is Hono and Node's HTTP.
  const poll = JSON.stringify(
    cannonLikeRead({ method: 'GET', path: '/api/v1/requests/req_bench_1', headers: {}, body: '' }).body,
  )
  const app = new Hono().get('*', (c) => c.body(poll, 200, { 'content-type': 'application/json' }))
  serve({ fetch: app.fetch, hostname: '127.0.0.1', port: Number(port) })
} else {
  const upstream =
    transportName === 'fetch'
      ? createUpstreamClient({ baseUrl: origin!, apiKey: 'cs_bench_key', fetch: (request) => fetch(request) })
      : createUpstreamClient({
          baseUrl: origin!,
          apiKey: 'cs_bench_key',
          transport: pooledTransport(origin!).transport,
        })
  // The log goes to stdout as in production (batched, at the default level), and the bench discards it.
  const app = createBffApp({
    mode: 'live',
    catalog: catalogV1,
    upstream,
    log: createLogger({ write: batchedLineWriter(process.stdout), secrets: ['cs_bench_key'] }),
  })
  serve({ fetch: app.fetch, hostname: '127.0.0.1', port: Number(port) })
}
process.on('SIGTERM', () => process.exit(0))
