import { AUTHOR_HEADER, AUTHOR_NAME } from '@/catalog/author-name'

/*
 * The name a creative gives themselves where tokens do not name them (one shared token, or none). Kept in this
 * browser and sent with every BFF call, so creates record it (self-declared) and `mine=true` finds its renders.
 */

const STORAGE_KEY = 'cannon-studio:display-name'
let memo: string | undefined

export function readDisplayName(): string | undefined {
  try {
    const name = localStorage.getItem(STORAGE_KEY)
    return name && AUTHOR_NAME.test(name) ? name : undefined
  } catch {
    return undefined
  }
}

/** Saves a valid name (trimmed); returns false when the name is not one the server accepts. */
export function saveDisplayName(name: string): boolean {
  const trimmed = name.trim()
  if (!AUTHOR_NAME.test(trimmed)) return false
  try {
    localStorage.setItem(STORAGE_KEY, trimmed)
  } catch {
    // Private mode: the name holds for this page only.
  }
  memo = trimmed
  return true
}

/** The header to send, percent-encoded UTF-8 as the server expects; none when no name is given. */
export function authorHeaders(): Record<string, string> {
  const name = memo ?? readDisplayName()
  return name ? { [AUTHOR_HEADER]: encodeURIComponent(name) } : {}
}
