import type { MediaKind } from '@/catalog/media-formats'

/** Bytes to store: a web ReadableStream (a fetch or Hono body) or any async iterable (a Node request, a file). */
export type MediaSource = ReadableStream<Uint8Array> | AsyncIterable<Uint8Array>

export interface PutOptions {
  /** A cap below the kind's limit (e.g. for keeping takes). */
  maxBytes?: number
  /** The size the sender declared (Content-Length): refused at once when over the limit, and named in the message. */
  declaredBytes?: number
  /** Only these kinds are accepted (e.g. ['video'] for takes, or a media slot's kind). Default: all. */
  kinds?: readonly MediaKind[]
  /** Aborts the upload (a client gone, a timeout): nothing is kept. */
  signal?: AbortSignal
}

/** A stored file. `name` is `<sha256>.<ext>`: the same bytes always get the same name, and are stored once. */
export interface StoredMedia {
  name: string
  sha256: string
  kind: MediaKind
  mime: string
  bytes: number
  /** Image dimensions, when the file is an image. */
  width?: number
  height?: number
}

export interface MediaStat {
  name: string
  mime: string
  size: number
}

/** An inclusive byte range, as HTTP writes it: bytes=start-end. */
export interface ByteRange {
  start: number
  end: number
}

export interface MediaBody extends MediaStat {
  stream: ReadableStream<Uint8Array>
  /**
   * Present when the bytes are that range (a store may answer a range request whole: then serve 200). `size`
   * stays the whole file's.
   */
  range?: ByteRange
}

/**
 * Where uploads and kept takes live: a folder under STUDIO_DATA_DIR, or an S3-compatible bucket. Every method
 * takes names as `put` made them and refuses anything else (no paths). No HTTP here: the BFF streams a request
 * into `put` and serves `read` (or redirects to `urlFor`).
 */
export interface MediaStore {
  readonly backend: 'folder' | 's3'
  /**
   * Streams the source in, checking its real type from its first bytes, its size as bytes arrive (stopping
   * early) and an image's pixel size, then stores it under its content hash. Throws MediaRefused for what the
   * file is (415/413), MediaStoreUnavailable when storage fails, and the source's own error when it fails; in
   * every failure nothing is left behind.
   */
  put(source: MediaSource, options?: PutOptions): Promise<StoredMedia>
  /** The stored file's size and type, or undefined when there is none by that name (or the name is not valid). */
  stat(name: string): Promise<MediaStat | undefined>
  /**
   * The file's bytes (a range of them when asked; the range must lie within the file, see parseRange), or
   * undefined when there is none by that name.
   */
  read(name: string, range?: ByteRange): Promise<MediaBody | undefined>
  /**
   * A URL Cannon (or a browser) can fetch the file at: `${publicOrigin}/media/<name>` for the folder, a
   * presigned GET or public-bucket URL for S3. Throws on an invalid name.
   */
  urlFor(name: string): Promise<string>
  /**
   * The stored file's path on this machine, for tools that read files (an export's ffmpeg): only a store that
   * keeps files on a local disk has it; undefined when there is no such file.
   */
  localPath?(name: string): Promise<string | undefined>
  /** Removes the file; no error when it is already gone. */
  delete(name: string): Promise<void>
}
