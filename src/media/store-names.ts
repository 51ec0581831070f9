import type { StoredMedia } from './media-store'
import { parseMediaName, type ParsedMediaName } from './media-types'
import type { Staged } from './stage-upload'

/** The parsed name, or a TypeError for anything that is not exactly `<sha256>.<ext>` (paths, `..`, upper case). */
export function requireMediaName(name: string): ParsedMediaName {
  const parsed = parseMediaName(name)
  if (!parsed) throw new TypeError(`not a media name: ${JSON.stringify(name.slice(0, 100))}`)
  return parsed
}

/** What `put` answers: the staged file's description, without its temporary path. */
export function storedMedia(staged: Staged): StoredMedia {
  const { name, sha256, kind, mime, bytes, width, height } = staged
  return { name, sha256, kind, mime, bytes, ...(width !== undefined ? { width, height } : {}) }
}
