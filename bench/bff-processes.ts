// Child processes for bench/bff.ts: the fake upstream, or the BFF in live mode in front of it.
// Run as `tsx bench/bff-processes.ts upstream <port>` or `tsx bench/bff-processes.ts bff <port> <origin> <undici|fetch>`.
import { serve } from '@hono/node-server'
import { catalogV1 } from '../src/catalog/models-v1'
import { createBffApp } from '../src/server/app'
import { startFakeUpstream } from '../src/server/fake-upstream'
import { pooledTransport } from '../src/server/transport'
import { createUpstreamClient } from '../src/server/upstream'

const [role, port, origin, transportName] = process.argv.slice(2)

if (role === 'upstream') {
  await startFakeUpstream({ record: false, port: Number(port) })
} else {
  const upstream =
    transportName === 'fetch'
      ? createUpstreamClient({ baseUrl: origin!, apiKey: 'cs_bench_key', fetch: (request) => fetch(request) })
      : createUpstreamClient({
          baseUrl: origin!,
          apiKey: 'cs_bench_key',
          transport: pooledTransport(origin!).transport,
        })
  // The request log goes to stdout as in production; the bench discards it.
  const app = createBffApp({
    mode: 'live',
    catalog: catalogV1,
    upstream,
    log: { write: (line) => process.stdout.write(`${line}\n`), secrets: ['cs_bench_key'] },
  })
  serve({ fetch: app.fetch, hostname: '127.0.0.1', port: Number(port) })
}
process.on('SIGTERM', () => process.exit(0))
