// The bench's yardsticks, measured beside the studio in the same run: a bare Vite + React app (built here, with
// the studio's own compression) and a plain textarea page, served by a small static server on loopback.
import { copyFile, readFile, stat } from 'node:fs/promises'
import { createServer } from 'node:http'
import { extname, join, normalize } from 'node:path'
import react from '@vitejs/plugin-react'
import { build } from 'vite'
import { precompress } from '../scripts/precompress-plugin'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
}

export async function buildBaselines(outDir: string): Promise<string> {
  const dir = join(outDir, 'baselines')
  await build({
    root: 'bench/bare-react',
    configFile: false,
    logLevel: 'warn',
    plugins: [react(), precompress()],
    build: {
      outDir: join(process.cwd(), dir),
      emptyOutDir: true,
      target: 'es2022',
      modulePreload: { polyfill: false },
    },
  })
  await copyFile('bench/plain-textarea.html', join(dir, 'plain-textarea.html'))
  return dir
}

const exists = (path: string) =>
  stat(path).then(
    (s) => s.isFile(),
    () => false,
  )

/** Serves `dir` on a loopback port, precompressed files first (as the studio does); `close` stops it. */
export async function serveBaselines(dir: string, port: number) {
  const server = createServer(async (request, response) => {
    const path = new URL(request.url ?? '/', 'http://x').pathname
    const file = join(dir, normalize(path === '/' ? '/index.html' : path))
    if (!file.startsWith(dir) || !(await exists(file))) {
      response.writeHead(404).end()
      return
    }
    const accepts = String(request.headers['accept-encoding'] ?? '')
    const encoding =
      accepts.includes('br') && (await exists(`${file}.br`))
        ? 'br'
        : accepts.includes('gzip') && (await exists(`${file}.gz`))
          ? 'gzip'
          : null
    const body = await readFile(encoding === 'br' ? `${file}.br` : encoding === 'gzip' ? `${file}.gz` : file)
    response.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      ...(encoding ? { 'content-encoding': encoding } : {}),
    })
    response.end(body)
  })
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve))
  return {
    bareUrl: `http://127.0.0.1:${port}/`,
    textareaUrl: `http://127.0.0.1:${port}/plain-textarea.html`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
