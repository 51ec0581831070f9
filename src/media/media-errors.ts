import type { MediaKind } from '@/catalog/media-formats'

export type RefusalCode = 'unsupported_media_type' | 'too_large' | 'too_many_pixels' | 'empty' | 'wrong_kind'

const STATUS: Record<RefusalCode, 413 | 415 | 400> = {
  unsupported_media_type: 415,
  wrong_kind: 415,
  too_large: 413,
  too_many_pixels: 413,
  empty: 400,
}

/**
 * The store refused a file for what it is: its type, its size or its shape. The message is plain and meant for
 * the creative; `status` is the HTTP status the BFF answers with (415, 413, or 400 for an empty body). Nothing of
 * a refused file is kept.
 */
export class MediaRefused extends Error {
  override name = 'MediaRefused'
  readonly status: 413 | 415 | 400
  constructor(
    readonly code: RefusalCode,
    message: string,
    readonly kind?: MediaKind,
  ) {
    super(message)
    this.status = STATUS[code]
  }
}

/** The storage itself failed (disk full, S3 unreachable or refusing): nothing was stored. Worth a 502/503. */
export class MediaStoreUnavailable extends Error {
  override name = 'MediaStoreUnavailable'
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options)
  }
}
