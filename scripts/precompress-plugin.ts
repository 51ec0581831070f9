import { readFile, readdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'
import type { Plugin } from 'vite'

const COMPRESSIBLE = /\.(?:js|css|svg|json)$/

/**
 * Writes `.br` and `.gz` beside each built text asset, so the server sends them compressed at no CPU cost
 * per request (serveStatic's `precompressed`). Client build only.
 */
export function precompress(): Plugin {
  return {
    name: 'studio-precompress',
    apply: (_config, env) => env.command === 'build' && !env.isSsrBuild,
    async writeBundle(options) {
      const dir = join(options.dir!, 'assets')
      const files = (await readdir(dir)).filter((file) => COMPRESSIBLE.test(file))
      for (const file of files) {
        const data = await readFile(join(dir, file))
        await writeFile(join(dir, `${file}.gz`), gzipSync(data, { level: 9 }))
        await writeFile(
          join(dir, `${file}.br`),
          brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
        )
      }
    },
  }
}
