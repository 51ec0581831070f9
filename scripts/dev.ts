// `npm run dev`: the BFF and Vite's hot-reloading dev server on one port.
import { getRequestListener } from '@hono/node-server'
import { createServer as createHttpServer } from 'node:http'
import { Hono } from 'hono'
import { createServer as createViteServer } from 'vite'
import { ConfigError } from '../src/server/config'
import { createHostPolicy, hostNameOf } from '../src/server/host-policy'
import { serveMedia } from '../src/server/media-routes'
import { createStudio } from '../src/server/studio'

async function main() {
  const { config, app, sweeper, fidelity, media } = await createStudio(process.env, { demoDir: 'public/demo' })
  const server = new Hono()
  server.all('/api/*', (c) => app.fetch(c.req.raw, c.env))
  server.on(['GET', 'HEAD'], '/media/:name', serveMedia(media))
  sweeper.start()
  void fidelity.start()
  // Vite refuses other Host headers itself too (DNS rebinding), with the same list as the BFF.
  const vite = await createViteServer({
    server: { middlewareMode: true, allowedHosts: config.allowedHosts },
    appType: 'spa',
  })
  const hostAllowed = createHostPolicy(config.allowedHosts)
  const api = getRequestListener(server.fetch)
  const http = createHttpServer((req, res) => {
    const host = config.trustProxy ? (req.headers['x-forwarded-host'] ?? req.headers.host) : req.headers.host
    const hostname = hostNameOf(
      String(host ?? '')
        .split(',')[0]!
        .trim(),
    )
    if (hostname === undefined || !hostAllowed(hostname)) {
      res.writeHead(421, { 'content-type': 'application/json' })
      res.end(JSON.stringify({ error: { code: 'host_not_allowed', message: 'Add this host to STUDIO_ALLOWED_HOSTS' } }))
    } else if (req.url?.startsWith('/api/') || req.url?.startsWith('/media/')) void api(req, res)
    else vite.middlewares(req, res)
  })
  http.listen(config.port, config.host, () => {
    console.log(`Cannon Studio dev (${config.mode} mode) at http://${config.host}:${config.port}`)
  })
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error)
  process.exit(1)
})
