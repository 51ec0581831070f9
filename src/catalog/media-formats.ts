/*
 * What the studio's media store takes, shared by the server (which judges a file by its bytes) and the browser
 * (which checks the name, type and size before sending), so the two cannot drift apart.
 */

/** The catalog's media slots are `image`, `video` or `audio`. */
export type MediaKind = 'image' | 'video' | 'audio'

export type MediaExt = 'jpg' | 'png' | 'webp' | 'mp4' | 'mov' | 'webm' | 'mp3' | 'wav' | 'm4a' | 'aac'

export interface MediaType {
  kind: MediaKind
  mime: string
  ext: MediaExt
}

export const MEDIA_TYPES: Readonly<Record<MediaExt, MediaType>> = {
  jpg: { kind: 'image', mime: 'image/jpeg', ext: 'jpg' },
  png: { kind: 'image', mime: 'image/png', ext: 'png' },
  webp: { kind: 'image', mime: 'image/webp', ext: 'webp' },
  mp4: { kind: 'video', mime: 'video/mp4', ext: 'mp4' },
  mov: { kind: 'video', mime: 'video/quicktime', ext: 'mov' },
  webm: { kind: 'video', mime: 'video/webm', ext: 'webm' },
  mp3: { kind: 'audio', mime: 'audio/mpeg', ext: 'mp3' },
  wav: { kind: 'audio', mime: 'audio/wav', ext: 'wav' },
  m4a: { kind: 'audio', mime: 'audio/mp4', ext: 'm4a' },
  aac: { kind: 'audio', mime: 'audio/aac', ext: 'aac' },
}

/** A stored file's name: its SHA-256 in lower-case hex and the extension of its sniffed type. Nothing else. */
export const MEDIA_NAME = new RegExp(`^[0-9a-f]{64}\\.(${Object.keys(MEDIA_TYPES).join('|')})$`)

const MB = 1024 * 1024

/** The most bytes a file of each kind may have: the providers behind Cannon take less, and these keep one upload cheap to hold. */
export const MEDIA_BYTE_LIMITS: Readonly<Record<MediaKind, number>> = {
  image: 20 * MB,
  video: 100 * MB,
  audio: 15 * MB,
}

/** The most pixels an image may have on either side. */
export const MAX_IMAGE_SIDE = 8192

const NOUNS: Record<MediaKind, string> = { image: 'Images', video: 'Videos', audio: 'Audio files' }

/** Sizes as a person reads them: "20 MB", "23.4 MB", "512 KB" (binary units, as file managers mostly show). */
export function formatBytes(bytes: number): string {
  if (bytes >= MB) return `${trim(bytes / MB)} MB`
  if (bytes >= 1024) return `${trim(bytes / 1024)} KB`
  return `${bytes} bytes`
}

function trim(value: number): string {
  return value >= 100 || Number.isInteger(value) ? String(Math.round(value)) : value.toFixed(1).replace(/\.0$/, '')
}

/**
 * The message of a file over its limit, naming the limit: "Images can be at most 20 MB; this one is 23.4 MB".
 * `actual` is undefined when the upload was stopped at the limit without knowing its full size.
 */
export function tooLargeMessage(kind: MediaKind | undefined, limit: number, actual?: number): string {
  const noun = kind ? NOUNS[kind] : 'Files'
  const shown = actual === undefined ? undefined : formatBytes(actual)
  const rest = shown === undefined || shown === formatBytes(limit) ? 'this one is larger' : `this one is ${shown}`
  return `${noun} can be at most ${formatBytes(limit)}; ${rest}`
}
