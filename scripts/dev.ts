// `npm run dev`: the BFF and Vite's hot-reloading dev server on one port.
import { getRequestListener } from '@hono/node-server'
import { createServer as createHttpServer } from 'node:http'
import { createServer as createViteServer } from 'vite'
import { ConfigError } from '../src/server/config'
import { createStudio } from '../src/server/studio'

async function main() {
  const { config, app } = await createStudio(process.env)
  const vite = await createViteServer({ server: { middlewareMode: true }, appType: 'spa' })
  const api = getRequestListener(app.fetch)
  const server = createHttpServer((req, res) => {
    if (req.url?.startsWith('/api/')) void api(req, res)
    else vite.middlewares(req, res)
  })
  server.listen(config.port, config.host, () => {
    console.log(`Cannon Studio dev (${config.mode} mode) at http://${config.host}:${config.port}`)
  })
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error)
  process.exit(1)
})
