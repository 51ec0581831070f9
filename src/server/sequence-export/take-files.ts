import { randomUUID } from 'node:crypto'
import { createWriteStream } from 'node:fs'
import { mkdir, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import type { ReadableStream as NodeWebStream } from 'node:stream/web'
import type { MediaStore } from '@/media/media-store'

export interface TakeFile {
  path: string
  /** Set when the file is a download made for this export (an S3 copy), to remove once the export is done. */
  remove?: () => Promise<void>
}

/**
 * The kept take's bytes as a file ffmpeg can read: the folder store's own file, or a download of the stored
 * object into `tempDir`. Undefined when the store has no file by that name.
 */
export async function takeFile(store: MediaStore, name: string, tempDir: string): Promise<TakeFile | undefined> {
  const local = await store.localPath?.(name)
  if (local) return { path: local }
  const body = await store.read(name)
  if (!body) return undefined
  await mkdir(tempDir, { recursive: true })
  const path = join(tempDir, `take-${randomUUID()}-${name}`)
  const remove = () => rm(path, { force: true })
  try {
    await pipeline(Readable.fromWeb(body.stream as NodeWebStream<Uint8Array>), createWriteStream(path))
  } catch (error) {
    await remove()
    throw error
  }
  return { path, remove }
}
