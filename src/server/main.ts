import { serve } from '@hono/node-server'
import { serveStatic } from '@hono/node-server/serve-static'
import { Hono } from 'hono'
import { readFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { ConfigError } from './config'
import { createStudio } from './studio'

const clientDir = fileURLToPath(new URL('../client/', import.meta.url))

async function main() {
  const { config, app: bff } = await createStudio(process.env)
  const indexHtml = await readFile(`${clientDir}index.html`, 'utf8')

  const root = new Hono()
  root.route('/', bff)
  root.use(
    '/assets/*',
    serveStatic({
      root: clientDir,
      onFound: (_path, c) => c.header('Cache-Control', 'public, max-age=31536000, immutable'),
    }),
  )
  root.use(
    '*',
    serveStatic({
      root: clientDir,
      onFound: (path, c) => c.header('Cache-Control', path.endsWith('.html') ? 'no-cache' : 'public, max-age=3600'),
    }),
  )
  root.get('*', (c) => {
    c.header('Cache-Control', 'no-cache')
    return c.html(indexHtml)
  })

  const server = serve({ fetch: root.fetch, hostname: config.host, port: config.port }, (info) => {
    const host = info.address.includes(':') ? `[${info.address}]` : info.address
    console.log(`Cannon Studio (${config.mode} mode) at http://${host}:${info.port}`)
  })
  const stop = () => server.close(() => process.exit(0))
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : `Could not start: ${String(error)}`)
  process.exit(1)
})
