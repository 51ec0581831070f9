import { randomUUID } from 'node:crypto'
import { mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { afterAll, afterEach, beforeAll } from 'vitest'
import { openFolderStore } from './folder-store'
import type { MediaLimits } from './limits'
import type { MediaStore } from './media-store'
import { openS3Store } from './s3-store'
import { S3RVER_KEYS, startS3rver } from './test-s3'

export interface OpenedStore {
  store: MediaStore
  /** The stored files (folder) or objects (bucket), as paths relative to the store. */
  files(): Promise<string[]>
  /** Temporary upload files still on disk. */
  temps(): Promise<string[]>
  /** PUT requests sent to S3 (0 for the folder). */
  puts(): number
}

export interface Backend {
  name: 'folder' | 's3'
  open(limits?: MediaLimits): Promise<OpenedStore>
}

export async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => [])
  return entries.filter((e) => e.isFile()).map((e) => relative(dir, join(e.parentPath, e.name)))
}

/** The two stores behind one interface, each opened fresh per test in temporary folders (one s3rver per file). */
export function backendsForTests(): Backend[] {
  const cleanups: (() => Promise<void>)[] = []
  let s3: Awaited<ReturnType<typeof startS3rver>> | undefined
  beforeAll(async () => {
    s3 = await startS3rver('media')
  })
  afterAll(async () => s3?.stop())
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0)) await cleanup()
  })
  const tempDir = async () => {
    const dir = await mkdtemp(join(tmpdir(), 'media-store-'))
    cleanups.push(() => rm(dir, { recursive: true, force: true }))
    return dir
  }

  return [
    {
      name: 'folder',
      async open(limits) {
        const dir = await tempDir()
        const store = await openFolderStore({ dir, publicOrigin: 'https://studio.example', limits })
        const all = () => listFiles(dir)
        return {
          store,
          files: async () => (await all()).filter((f) => !f.startsWith('.tmp')),
          temps: async () => (await all()).filter((f) => f.startsWith('.tmp')),
          puts: () => 0,
        }
      },
    },
    {
      name: 's3',
      async open(limits) {
        const tmpDir = await tempDir()
        const prefix = `t-${randomUUID()}/`
        let puts = 0
        const countingFetch: typeof fetch = (input, init) => {
          if (input instanceof Request && input.method === 'PUT') puts++
          return fetch(input, init)
        }
        const store = await openS3Store({
          endpoint: s3!.endpoint,
          bucket: 'media',
          region: 'us-east-1',
          ...S3RVER_KEYS,
          tmpDir,
          prefix,
          limits,
          fetch: countingFetch,
        })
        const bucketDir = join(s3!.directory, 'media', prefix)
        return {
          store,
          files: async () =>
            (await listFiles(bucketDir))
              .filter((f) => f.endsWith('._S3rver_object'))
              .map((f) => f.replace(/\._S3rver_object$/, '')),
          temps: () => listFiles(tmpDir),
          puts: () => puts,
        }
      },
    },
  ]
}
