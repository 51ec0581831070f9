import { sharedValue, useSharedValue } from '@/lib/shared-value'
import { readConfirmThreshold } from './confirm-threshold'

/*
 * One question at a time: "this will spend about N credits, go on?", asked by whatever action is about to
 * spend (Generate, Re-run, Variations) and answered in the dialog the app shell mounts.
 */

export interface SpendQuestion {
  credits: number
  /** The action in a creative's words: "Generate", "Re-run", "4 variations". */
  what: string
  threshold: number
}

const current = sharedValue<(SpendQuestion & { resolve: (go: boolean) => void }) | undefined>(undefined)

/** Resolves true when the action may spend: under the threshold, or confirmed. */
export function askToSpend(credits: number | null, what: string): Promise<boolean> {
  const threshold = readConfirmThreshold()
  if (credits === null || threshold === null || credits <= threshold) return Promise.resolve(true)
  current.get()?.resolve(false)
  return new Promise((resolve) => current.set({ credits, what, threshold, resolve }))
}

export function answerSpendQuestion(go: boolean): void {
  const question = current.get()
  current.set(undefined)
  question?.resolve(go)
}

export const useSpendQuestion = (): SpendQuestion | undefined => useSharedValue(current)
