/*
 * When this browser's person last looked at the studio: stored when the page goes away (hidden, closed or
 * reloaded), so the next visit can say what arrived meanwhile.
 */
const KEY = 'cannon-studio:last-looked-at'

export function readLastLooked(): number | undefined {
  try {
    const value = Number(localStorage.getItem(KEY))
    return Number.isSafeInteger(value) && value > 0 ? value : undefined
  } catch {
    return undefined
  }
}

export function markLooked(atMs: number = Date.now()): void {
  try {
    localStorage.setItem(KEY, String(atMs))
  } catch {
    // Storage refused (private mode, full): the next visit simply has nothing to say.
  }
}
