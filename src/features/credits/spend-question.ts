import { useSyncExternalStore } from 'react'
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

let current: (SpendQuestion & { resolve: (go: boolean) => void }) | undefined
const listeners = new Set<() => void>()
const emit = () => listeners.forEach((listener) => listener())

/** Resolves true when the action may spend: under the threshold, or confirmed. */
export function askToSpend(credits: number | null, what: string): Promise<boolean> {
  const threshold = readConfirmThreshold()
  if (credits === null || threshold === null || credits <= threshold) return Promise.resolve(true)
  current?.resolve(false)
  return new Promise((resolve) => {
    current = { credits, what, threshold, resolve }
    emit()
  })
}

export function answerSpendQuestion(go: boolean): void {
  const question = current
  current = undefined
  question?.resolve(go)
  emit()
}

const subscribe = (listener: () => void) => {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

export function useSpendQuestion(): SpendQuestion | undefined {
  return useSyncExternalStore(subscribe, () => current)
}
