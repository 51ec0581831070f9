import { readFile, readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { brotliCompressSync, gzipSync } from 'node:zlib'

export interface BundleFigures {
  initialJsGzipKb: number
  initialJsBrotliKb: number
  initialCssGzipKb: number
  initialCssBrotliKb: number
  largestChunks: { file: string; gzipKb: number }[]
}

const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10

async function compressed(path: string) {
  const data = await readFile(path)
  return { gzip: gzipSync(data, { level: 9 }).byteLength, brotli: brotliCompressSync(data).byteLength }
}

/** What the browser must fetch before first render: index.html's entry script, module preloads and stylesheets. */
export async function measureBundle(clientDir: string): Promise<BundleFigures> {
  const html = await readFile(join(clientDir, 'index.html'), 'utf8')
  const refs = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1]!)
  const totals = { js: { gzip: 0, brotli: 0 }, css: { gzip: 0, brotli: 0 } }
  for (const ref of new Set(refs)) {
    const size = await compressed(join(clientDir, ref))
    const kind = ref.endsWith('.css') ? totals.css : totals.js
    kind.gzip += size.gzip
    kind.brotli += size.brotli
  }
  const assets = (await readdir(join(clientDir, 'assets'))).filter((f) => f.endsWith('.js'))
  const chunks = await Promise.all(
    assets.map(async (file) => ({ file, gzipKb: kb((await compressed(join(clientDir, 'assets', file))).gzip) })),
  )
  return {
    initialJsGzipKb: kb(totals.js.gzip),
    initialJsBrotliKb: kb(totals.js.brotli),
    initialCssGzipKb: kb(totals.css.gzip),
    initialCssBrotliKb: kb(totals.css.brotli),
    largestChunks: chunks.sort((a, b) => b.gzipKb - a.gzipKb).slice(0, 5),
  }
}
