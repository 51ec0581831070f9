import { MEDIA_NAME, MEDIA_TYPES, type MediaExt, type MediaType } from '@/catalog/media-formats'

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
