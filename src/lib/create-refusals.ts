import { sharedValue, useSharedValue } from './shared-value'

/** Cannon's refusal of this browser's last create: the input it refused, the wire field it named and why. */
export interface CreateRefusal {
  input: Record<string, unknown>
  field?: string
  message: string
}

const latest = sharedValue<CreateRefusal | undefined>(undefined)

/** Keeps the refusal for the composer, which shows it at the field it names (or at Generate). */
export const reportCreateRefusal = latest.set

export const useCreateRefusal = (): CreateRefusal | undefined => useSharedValue(latest)
