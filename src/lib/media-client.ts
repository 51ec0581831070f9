import { z } from 'zod/mini'
import { errorBodySchema } from '@/catalog/api-contract'

export const MEDIA_UPLOAD_PATH = '/api/media'

export const uploadedMediaSchema = z.object({
  url: z.string().check(z.minLength(1)),
  sha256: z.string(),
  kind: z.enum(['image', 'video', 'audio']),
  mime: z.string(),
  bytes: z.number(),
})
export type UploadedMedia = z.infer<typeof uploadedMediaSchema>

/** An upload that did not end in a stored file: `code` is the server's, or `network`, `malformed`, `aborted`. */
export class UploadError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message)
    this.name = 'UploadError'
  }
}

export interface UploadProgress {
  loaded: number
  total: number
}

export interface Upload {
  done: Promise<UploadedMedia>
  /** Stops the upload; `done` then rejects with code `aborted`. */
  abort: () => void
}

function replyOf(xhr: XMLHttpRequest): unknown {
  try {
    return JSON.parse(xhr.responseText)
  } catch {
    return undefined
  }
}

function failure(xhr: XMLHttpRequest): UploadError {
  const parsed = errorBodySchema.safeParse(replyOf(xhr))
  if (parsed.success) return new UploadError(xhr.status, parsed.data.error.code, parsed.data.error.message)
  return new UploadError(xhr.status, 'http_error', `The studio server answered HTTP ${xhr.status}`)
}

/**
 * Sends a file to the studio's media store (POST /api/media, the bytes as the body). XMLHttpRequest rather than
 * fetch: only it reports how much of a request body has been sent.
 */
export function uploadMedia(file: File, onProgress?: (progress: UploadProgress) => void): Upload {
  const xhr = new XMLHttpRequest()
  const done = new Promise<UploadedMedia>((resolve, reject) => {
    xhr.open('POST', MEDIA_UPLOAD_PATH)
    // A header value must be plain ASCII; the server only needs to see one (it judges the bytes, not the name).
    xhr.setRequestHeader('x-file-name', encodeURIComponent(file.name || 'upload'))
    xhr.setRequestHeader('content-type', file.type || 'application/octet-stream')
    xhr.setRequestHeader('accept', 'application/json')
    xhr.upload.addEventListener('progress', (event) => {
      if (event.lengthComputable) onProgress?.({ loaded: event.loaded, total: event.total })
    })
    xhr.addEventListener('load', () => {
      if (xhr.status !== 201) return reject(failure(xhr))
      const parsed = uploadedMediaSchema.safeParse(replyOf(xhr))
      if (parsed.success) resolve(parsed.data)
      else reject(new UploadError(502, 'malformed', 'The studio server sent a reply the studio could not read'))
    })
    xhr.addEventListener('error', () =>
      reject(new UploadError(0, 'network', 'The upload did not reach the studio server. Check your connection.')),
    )
    xhr.addEventListener('abort', () => reject(new UploadError(0, 'aborted', 'The upload was cancelled')))
    xhr.send(file)
  })
  return { done, abort: () => xhr.abort() }
}
