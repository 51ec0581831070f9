import { openAsBlob } from 'node:fs'
import { mkdir } from 'node:fs/promises'
import { DEFAULT_LIMITS, type MediaLimits } from './limits'
import type { ByteRange, MediaBody, MediaStat, MediaStore, StoredMedia } from './media-store'
import { parseMediaName, type ParsedMediaName } from './media-types'
import { createS3Client, s3Failure, type S3Connection } from './s3-client'
import { stageUpload, sweepStaleParts } from './stage-upload'
import { requireMediaName, storedMedia } from './store-names'

export interface S3StoreOptions extends S3Connection {
  /** Where uploads wait while they are checked (a local folder: nothing reaches the bucket before it passes). */
  tmpDir: string
  /** A public bucket's base URL (STUDIO_S3_PUBLIC_URL, e.g. https://media.example.com): urlFor answers
   * `${publicUrl}/<key>` instead of a presigned GET. */
  publicUrl?: string
  /** Prefix of every object key, e.g. "media/" (default none). */
  prefix?: string
  /** How long a presigned GET stays valid (default 7 days, SigV4's most). */
  presignSeconds?: number
  limits?: MediaLimits
}

export const IMMUTABLE = 'public, max-age=31536000, immutable'
const SEVEN_DAYS = 7 * 24 * 60 * 60

/** Opens the S3-compatible store (AWS S3, R2, GCS interop, MinIO). Checks nothing remote until used. */
export async function openS3Store(options: S3StoreOptions): Promise<MediaStore> {
  const limits = options.limits ?? DEFAULT_LIMITS
  const prefix = options.prefix ?? ''
  const { tmpDir } = options
  await mkdir(tmpDir, { recursive: true })
  await sweepStaleParts(tmpDir, 24 * 60 * 60 * 1000)
  const s3 = createS3Client(options)
  const keyOf = (parsed: ParsedMediaName) => `${prefix}${parsed.name}`

  async function head(parsed: ParsedMediaName): Promise<MediaStat | undefined> {
    const response = await s3.send({ method: 'HEAD', key: keyOf(parsed) })
    if (response.status === 404) return undefined
    if (!response.ok) throw await s3Failure(response, 'describe a file')
    return { name: parsed.name, mime: parsed.mime, size: Number(response.headers.get('content-length')) }
  }

  return {
    backend: 's3',

    async put(source, putOptions): Promise<StoredMedia> {
      const staged = await stageUpload({ tmpDir, limits }, source, putOptions)
      try {
        const parsed = requireMediaName(staged.name)
        // The same bytes put twice are stored once; otherwise one PUT of the checked file, its hash signed (S3
        // verifies the payload against it). A PUT that fails leaves no object: there is no partial object in S3.
        const existing = await head(parsed)
        if (existing?.size !== staged.bytes) {
          const response = await s3.send({
            method: 'PUT',
            key: keyOf(parsed),
            headers: {
              'content-type': staged.mime,
              'cache-control': IMMUTABLE,
              'x-amz-content-sha256': staged.sha256,
            },
            body: () => openAsBlob(staged.path),
            signal: putOptions?.signal,
          })
          if (!response.ok) throw await s3Failure(response, 'store the file')
          await response.body?.cancel()
        }
        return storedMedia(staged)
      } finally {
        await staged.discard()
      }
    },

    async stat(name) {
      const parsed = parseMediaName(name)
      return parsed ? head(parsed) : undefined
    },

    async read(name, range?: ByteRange): Promise<MediaBody | undefined> {
      const parsed = parseMediaName(name)
      if (!parsed) return undefined
      const headers: Record<string, string> = range ? { range: `bytes=${range.start}-${range.end}` } : {}
      const response = await s3.send({ method: 'GET', key: keyOf(parsed), headers })
      if (response.status === 404) {
        await response.body?.cancel()
        return undefined
      }
      if (response.status === 416) {
        await response.body?.cancel()
        throw new RangeError(`range ${range?.start}-${range?.end} is outside the file`)
      }
      if (!response.ok || !response.body) throw await s3Failure(response, 'read a file')
      const total = /\/(\d+)$/.exec(response.headers.get('content-range') ?? '')?.[1]
      const size = Number(total ?? response.headers.get('content-length'))
      const body: MediaBody = { name, mime: parsed.mime, size, stream: response.body }
      return response.status === 206 && range ? { ...body, range } : body
    },

    async urlFor(name): Promise<string> {
      const key = keyOf(requireMediaName(name))
      if (options.publicUrl) return `${options.publicUrl.replace(/\/+$/, '')}/${key}`
      return s3.presignGet(key, options.presignSeconds ?? SEVEN_DAYS)
    },

    async delete(name): Promise<void> {
      const response = await s3.send({ method: 'DELETE', key: keyOf(requireMediaName(name)) })
      if (!response.ok && response.status !== 404) throw await s3Failure(response, 'delete a file')
      await response.body?.cancel()
    },
  }
}
