import { useSyncExternalStore } from 'react'

/** Cannon's refusal of this browser's last create: the input it refused, the wire field it named and why. */
export interface CreateRefusal {
  input: Record<string, unknown>
  field?: string
  message: string
}

let latest: CreateRefusal | undefined
const listeners = new Set<() => void>()

/** Keeps the refusal for the composer, which shows it at the field it names (or at Generate). */
export function reportCreateRefusal(refusal: CreateRefusal | undefined) {
  latest = refusal
  for (const listener of listeners) listener()
}

function subscribe(listener: () => void) {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

export function useCreateRefusal(): CreateRefusal | undefined {
  return useSyncExternalStore(subscribe, () => latest)
}
