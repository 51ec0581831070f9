import { serve } from '@hono/node-server'
import { readFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { withBootData } from './boot-data'
import { ConfigError } from './config'
import { createSite } from './site'
import { createStudio } from './studio'

const clientDir = fileURLToPath(new URL('../client/', import.meta.url))

async function main() {
  const { config, catalog, app: bff, close } = await createStudio(process.env)
  const builtHtml = await readFile(`${clientDir}index.html`, 'utf8')
  // A gated studio keeps its catalog behind the sign-in: the browser then fetches it once signed in.
  const indexHtml = config.accessToken ? builtHtml : withBootData(builtHtml, { mode: config.mode, catalog })
  const site = createSite({ bff, clientDir, indexHtml })

  const server = serve({ fetch: site.fetch, hostname: config.host, port: config.port }, (info) => {
    const host = info.address.includes(':') ? `[${info.address}]` : info.address
    console.log(`Cannon Studio (${config.mode} mode) at http://${host}:${info.port}`)
  })
  const stop = () => server.close(() => void close().finally(() => process.exit(0)))
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : `Could not start: ${String(error)}`)
  process.exit(1)
})
