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

const STATIC_IMPORT = /\bimport\s*(?:[^"'`();]*?\bfrom\s*)?["'`]\.\/([\w.-]+\.js)["'`]/g
const DYNAMIC_IMPORT = /\bimport\(\s*["'`]\.\/([\w.-]+\.js)["'`]\s*\)/g

/** The chunk and every chunk it imports statically, transitively (file names under assets/). */
async function withStaticImports(clientDir: string, file: string, into = new Set<string>()) {
  if (into.has(file)) return into
  into.add(file)
  const code = await readFile(join(clientDir, 'assets', file), 'utf8')
  for (const [, dep] of code.matchAll(STATIC_IMPORT)) await withStaticImports(clientDir, dep!, into)
  return into
}

/**
 * What the browser must fetch before the studio's first render: index.html's stylesheets and entry script, and,
 * since that script only starts the app (src/app/start.ts) once the page has painted, the app it imports and
 * everything the app imports statically.
 */
export async function measureBundle(clientDir: string): Promise<BundleFigures> {
  const html = await readFile(join(clientDir, 'index.html'), 'utf8')
  const refs = [...html.matchAll(/(?:src|href)="\/assets\/([^"]+)"/g)].map((m) => m[1]!)
  const files = new Set(refs.filter((ref) => ref.endsWith('.css')))
  for (const entry of refs.filter((ref) => ref.endsWith('.js'))) {
    await withStaticImports(clientDir, entry, files)
    const code = await readFile(join(clientDir, 'assets', entry), 'utf8')
    for (const [, app] of code.matchAll(DYNAMIC_IMPORT)) await withStaticImports(clientDir, app!, files)
  }
  const totals = { js: { gzip: 0, brotli: 0 }, css: { gzip: 0, brotli: 0 } }
  for (const file of files) {
    const size = await compressed(join(clientDir, 'assets', file))
    const kind = file.endsWith('.css') ? totals.css : totals.js
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
