import { chmod, mkdir, open, rename, stat, unlink } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { Readable } from 'node:stream'
import { DEFAULT_LIMITS, type MediaLimits } from './limits'
import { MediaStoreUnavailable } from './media-errors'
import type { ByteRange, MediaBody, MediaStat, MediaStore, StoredMedia } from './media-store'
import { mediaPath, parseMediaName, type ParsedMediaName } from './media-types'
import { requireMediaName, storedMedia } from './store-names'
import { stageUpload, sweepStaleParts } from './stage-upload'

export interface FolderStoreOptions {
  /** The folder, e.g. `${STUDIO_DATA_DIR}/media`. Files live in `<first two hex digits>/<sha256>.<ext>`. */
  dir: string
  /** STUDIO_PUBLIC_URL: urlFor answers `${publicOrigin}/media/<name>`; without it, the path `/media/<name>`. */
  publicOrigin?: string
  limits?: MediaLimits
  /** Temporary files older than this are a crashed upload's and are removed at open (default a day). */
  staleTempMs?: number
}

const errorCode = (error: unknown) => (error as { code?: unknown } | undefined)?.code

/** Opens (creating) the media folder; the default store, which needs no setup. */
export async function openFolderStore(options: FolderStoreOptions): Promise<MediaStore> {
  const { dir, publicOrigin } = options
  const limits = options.limits ?? DEFAULT_LIMITS
  const tmpDir = join(dir, '.tmp')
  await mkdir(tmpDir, { recursive: true })
  await sweepStaleParts(tmpDir, options.staleTempMs ?? 24 * 60 * 60 * 1000)
  const pathOf = (parsed: ParsedMediaName) => join(dir, parsed.sha256.slice(0, 2), parsed.name)

  return {
    backend: 'folder',

    async put(source, putOptions): Promise<StoredMedia> {
      const staged = await stageUpload({ tmpDir, limits, durable: true }, source, putOptions)
      const final = pathOf(requireMediaName(staged.name))
      try {
        // The same bytes put twice are stored once: a complete copy already there is kept as it is.
        const existing = await stat(final).catch(() => undefined)
        if (existing?.size === staged.bytes) await staged.discard()
        else {
          await mkdir(dirname(final), { recursive: true })
          await chmod(staged.path, 0o644)
          await rename(staged.path, final) // atomic: readers see the whole file or none
        }
      } catch (error) {
        await staged.discard()
        throw new MediaStoreUnavailable(`The media folder could not store the file (${String(errorCode(error))})`, {
          cause: error,
        })
      }
      return storedMedia(staged)
    },

    async stat(name): Promise<MediaStat | undefined> {
      const parsed = parseMediaName(name)
      if (!parsed) return undefined
      const info = await stat(pathOf(parsed)).catch(() => undefined)
      return info?.isFile() ? { name, mime: parsed.mime, size: info.size } : undefined
    },

    async read(name, range?: ByteRange): Promise<MediaBody | undefined> {
      const parsed = parseMediaName(name)
      if (!parsed) return undefined
      const file = await open(pathOf(parsed), 'r').catch((error: unknown) => {
        if (errorCode(error) === 'ENOENT') return undefined
        throw error
      })
      if (!file) return undefined
      try {
        const { size } = await file.stat()
        if (range && !(range.start >= 0 && range.start <= range.end && range.end < size)) {
          throw new RangeError(`range ${range.start}-${range.end} is outside a file of ${size} bytes`)
        }
        const nodeStream = file.createReadStream({ start: range?.start, end: range?.end, autoClose: true })
        const stream = Readable.toWeb(nodeStream) as unknown as ReadableStream<Uint8Array>
        return { name, mime: parsed.mime, size, stream, ...(range ? { range } : {}) }
      } catch (error) {
        await file.close()
        throw error
      }
    },

    async urlFor(name): Promise<string> {
      const parsed = requireMediaName(name)
      return `${publicOrigin ?? ''}${mediaPath(parsed.name)}`
    },

    async localPath(name): Promise<string | undefined> {
      const parsed = parseMediaName(name)
      if (!parsed) return undefined
      const info = await stat(pathOf(parsed)).catch(() => undefined)
      return info?.isFile() ? pathOf(parsed) : undefined
    },

    async delete(name): Promise<void> {
      await unlink(pathOf(requireMediaName(name))).catch((error: unknown) => {
        if (errorCode(error) !== 'ENOENT') throw error
      })
    },
  }
}
