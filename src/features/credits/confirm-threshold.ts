/*
 * The per-browser spend guard: ask before any single action estimated over this many credits. A creative can
 * change it or turn it off; the studio-wide daily cap (STUDIO_DAILY_CREDIT_CAP) is the server's, not this.
 */

const STORAGE_KEY = 'cannon-studio:confirm-over-credits'
export const DEFAULT_CONFIRM_OVER = 200

/** The threshold in credits, or null when this browser never asks. */
export function readConfirmThreshold(): number | null {
  try {
    const stored = localStorage.getItem(STORAGE_KEY)
    if (stored === 'never') return null
    const value = stored === null ? NaN : Number(stored)
    return Number.isFinite(value) && value >= 0 ? value : DEFAULT_CONFIRM_OVER
  } catch {
    return DEFAULT_CONFIRM_OVER
  }
}

export function saveConfirmThreshold(credits: number | null): void {
  try {
    localStorage.setItem(STORAGE_KEY, credits === null ? 'never' : String(credits))
  } catch {
    // Private mode: the default holds.
  }
}
