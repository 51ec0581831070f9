import { readFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { withBootData } from './boot-data'
import { LedgerUnavailable } from '@/ledger/ledger-errors'
import { faultsText } from '@/simulator/faults'
import { ConfigError } from './config'
import { runLedgerCommand } from './ledger-cli'
import { startNodeServer } from './node-server'
import { createSite } from './site'
import { createStudio } from './studio'

const clientDir = fileURLToPath(new URL('../client/', import.meta.url))

async function main() {
  const {
    config,
    catalog,
    app: bff,
    sweeper,
    keeper,
    fidelity,
    media,
    log,
    faults,
    close,
  } = await createStudio(process.env, {
    demoDir: `${clientDir}demo`,
  })
  const builtHtml = await readFile(`${clientDir}index.html`, 'utf8')
  // A gated studio keeps its catalog behind the sign-in: the browser then fetches it once signed in.
  const gated = config.accessToken !== undefined || config.namedTokens.length > 0
  const indexHtml = gated ? builtHtml : withBootData(builtHtml, { mode: config.mode, catalog })
  const site = createSite({
    bff,
    clientDir,
    indexHtml,
    reviewHtml: await readFile(`${clientDir}review.html`, 'utf8'),
    allowedHosts: config.allowedHosts,
    trustProxy: config.trustProxy,
    media,
  })

  const { server, address } = await startNodeServer({
    fetch: site.fetch,
    host: config.host,
    port: config.port,
    maxConnectionsPerClient: config.trustProxy ? undefined : config.maxConnectionsPerClient,
  })
  const host = address.address.includes(':') ? `[${address.address}]` : address.address
  sweeper.start()
  keeper?.start()
  // In the background: a slow or broken Cannon never holds up the start.
  void fidelity.start()
  const ledger = config.databaseUrl ? 'Postgres' : `the embedded ledger in ${config.dataDir}`
  const simulatorFaults = faults ? faultsText(faults) : ''
  log({
    msg: 'studio_started',
    mode: config.mode,
    url: `http://${host}:${address.port}`,
    ledger,
    ...(simulatorFaults ? { simulatorFaults } : {}),
  })
  const stop = () => {
    server.close(() => void close().finally(() => process.exit(0)))
    // Connections that never finish a request (or keep a stream open) do not hold up a shutdown for long.
    setTimeout(() => server.closeAllConnections(), 5_000).unref()
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

const run =
  process.argv[2] === 'ledger'
    ? () => runLedgerCommand(process.argv.slice(3), process.env).then((code) => process.exit(code))
    : main

run().catch((error: unknown) => {
  const known = error instanceof ConfigError || error instanceof LedgerUnavailable
  console.error(known ? error.message : `Could not start: ${String(error)}`)
  process.exit(1)
})
