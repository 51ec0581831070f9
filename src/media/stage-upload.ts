import { createHash, randomUUID } from 'node:crypto'
import { mkdir, open, readdir, readFile, stat, unlink, type FileHandle } from 'node:fs/promises'
import { join } from 'node:path'
import { imageSize } from './image-size'
import { imageSideProblem, kindLimit, overallLimit, type MediaLimits } from './limits'
import { MarkupTail } from './markup-tail'
import { MediaRefused } from './media-errors'
import type { MediaSource, PutOptions, StoredMedia } from './media-store'
import { tooLargeMessage, type MediaExt, type MediaKind, type MediaType } from '@/catalog/media-formats'
import { checkEnding, sniffMedia } from './sniff'
import { sourceChunks } from './source-chunks'

/** How much of a file's start is kept in memory to sniff it and read an image's size. */
export const HEAD_BYTES = 1024 * 1024

const PART_PREFIX = 'upload-'
const PART_SUFFIX = '.part'

/** A checked upload in a temporary file, waiting to be moved (folder) or sent (S3) to its content-addressed name. */
export interface Staged extends StoredMedia {
  ext: MediaExt
  /** The temporary file; the caller moves or deletes it (`discard`). */
  path: string
  discard(): Promise<void>
}

interface StageContext {
  tmpDir: string
  limits: MediaLimits
  /** fsync before returning, so a rename publishes only complete files (the folder store). */
  durable?: boolean
}

const KIND_NOUN: Record<MediaKind, string> = { image: 'an image', video: 'a video', audio: 'an audio file' }

function tooLarge(kind: MediaKind | undefined, limit: number, actual?: number): MediaRefused {
  return new MediaRefused('too_large', tooLargeMessage(kind, limit, actual), kind)
}

/** The type from the head, held to the kinds asked for. */
function identify(head: Uint8Array, partial: boolean, kinds?: readonly MediaKind[]): MediaType {
  const sniffed = sniffMedia(head, { partial })
  if (!sniffed.ok) throw new MediaRefused('unsupported_media_type', sniffed.reason)
  if (kinds && !kinds.includes(sniffed.kind)) {
    const wanted = kinds.map((k) => KIND_NOUN[k]).join(' or ')
    throw new MediaRefused('wrong_kind', `Only ${wanted} can go here; this file is ${KIND_NOUN[sniffed.kind]}`)
  }
  return { kind: sniffed.kind, mime: sniffed.mime, ext: sniffed.ext }
}

async function writeAll(file: FileHandle, chunk: Uint8Array): Promise<void> {
  for (let done = 0; done < chunk.length;) done += (await file.write(chunk, done, chunk.length - done)).bytesWritten
}

/**
 * Streams a source into a temporary file in `tmpDir`, hashing as it writes: sniffs the type from the first
 * bytes (refusing early), enforces the kind's byte limit as bytes arrive (stopping the source at once), and
 * once the file is whole checks its end (polyglots, truncation) and an image's pixel size. On any failure the
 * temporary file is removed and the error thrown: MediaRefused for the file itself, the source's own otherwise.
 */
export async function stageUpload(
  context: StageContext,
  source: MediaSource,
  options: PutOptions = {},
): Promise<Staged> {
  const { maxBytes, declaredBytes, kinds, signal } = options
  const { limits } = context
  let limit = overallLimit(limits, maxBytes, kinds)
  // Before the type is known, a single allowed kind names the message ("Videos can be…"), else "Files".
  const onlyKind = kinds?.length === 1 ? kinds[0] : undefined
  if (declaredBytes !== undefined && declaredBytes > limit) throw tooLarge(onlyKind, limit, declaredBytes)
  signal?.throwIfAborted()

  await mkdir(context.tmpDir, { recursive: true })
  const path = join(context.tmpDir, `${PART_PREFIX}${randomUUID()}${PART_SUFFIX}`)
  const file = await open(path, 'wx', 0o600)
  let closed = false
  const discard = async () => {
    if (!closed) await file.close().catch(() => undefined)
    closed = true
    await unlink(path).catch(() => undefined)
  }
  try {
    const hash = createHash('sha256')
    const head = new Uint8Array(HEAD_BYTES)
    const tail = new MarkupTail()
    let headLength = 0
    let total = 0
    let type: MediaType | undefined
    // Over the limit: the message names the full size when it is known (declared, or the whole file seen).
    const overLimit = (whole: boolean) =>
      tooLarge(
        type?.kind ?? onlyKind,
        limit,
        declaredBytes !== undefined && declaredBytes > limit ? declaredBytes : whole ? total : undefined,
      )
    const knowType = (partial: boolean) => {
      type = identify(head.subarray(0, headLength), partial, kinds)
      limit = kindLimit(limits, type.kind, maxBytes)
      if (total > limit || (declaredBytes !== undefined && declaredBytes > limit)) throw overLimit(!partial)
    }

    for await (const chunk of sourceChunks(source, signal)) {
      total += chunk.length
      if (headLength < HEAD_BYTES) {
        const part = chunk.subarray(0, HEAD_BYTES - headLength)
        head.set(part, headLength)
        headLength += part.length
        if (headLength === HEAD_BYTES) knowType(true)
      }
      if (total > limit) throw overLimit(false)
      hash.update(chunk)
      tail.push(chunk)
      await writeAll(file, chunk)
    }
    if (total === 0) throw new MediaRefused('empty', 'The file is empty')
    if (!type) {
      knowType(false) // the whole file fits in the head: sniffMedia checked its end too
    } else {
      const ending = checkEnding(type, { head, tail: tail.bytes(), totalBytes: total })
      if (ending) throw new MediaRefused('unsupported_media_type', ending, type.kind)
    }
    const known = type as MediaType
    const dimensions =
      known.kind === 'image' ? await checkImage(known, head.subarray(0, headLength), path, total, limits) : {}

    if (context.durable) await file.sync()
    await file.close()
    closed = true
    const sha256 = hash.digest('hex')
    return { name: `${sha256}.${known.ext}`, sha256, ...known, bytes: total, ...dimensions, path, discard }
  } catch (error) {
    await discard()
    throw error
  }
}

/** An image's pixel size from its header, within the limit; a JPEG whose frame header lies past the head is read whole. */
async function checkImage(type: MediaType, head: Uint8Array, path: string, total: number, limits: MediaLimits) {
  let size = imageSize(type.ext, head)
  if (!size.ok && type.ext === 'jpg' && total > head.length) size = imageSize(type.ext, await readFile(path))
  if (!size.ok) throw new MediaRefused('unsupported_media_type', size.reason, 'image')
  const problem = imageSideProblem(limits, size.width, size.height)
  if (problem) throw new MediaRefused('too_many_pixels', problem, 'image')
  return { width: size.width, height: size.height }
}

/** Removes temporary files that a crashed process left behind (older than `olderThanMs`). Never throws. */
export async function sweepStaleParts(tmpDir: string, olderThanMs: number, nowMs = Date.now()): Promise<number> {
  const names = await readdir(tmpDir).catch(() => [] as string[])
  const stale = await Promise.all(
    names
      .filter((name) => name.startsWith(PART_PREFIX) && name.endsWith(PART_SUFFIX))
      .map(async (name) => {
        const path = join(tmpDir, name)
        const info = await stat(path).catch(() => undefined)
        if (!info || nowMs - info.mtimeMs <= olderThanMs) return false
        return unlink(path).then(
          () => true,
          () => false,
        )
      }),
  )
  return stale.filter(Boolean).length
}
