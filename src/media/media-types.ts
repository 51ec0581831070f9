/** What the studio accepts, by kind: the catalog's media slots are `image`, `video` or `audio`. */
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
export const MEDIA_NAME = /^[0-9a-f]{64}\.(jpg|png|webp|mp4|mov|webm|mp3|wav|m4a|aac)$/

export interface ParsedMediaName extends MediaType {
  name: string
  sha256: string
}

/** The name's hash and type, or undefined for anything that is not exactly `<sha256>.<ext>` (no paths, no case games). */
export function parseMediaName(name: string): ParsedMediaName | undefined {
  if (!MEDIA_NAME.test(name)) return undefined
  const [sha256 = '', ext = ''] = name.split('.')
  return { name, sha256, ...MEDIA_TYPES[ext as MediaExt] }
}

/** The path at which the studio serves a stored file (what the ledger records as `keptVideoUrl`). */
export function mediaPath(name: string): string {
  return `/media/${name}`
}
