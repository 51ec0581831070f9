import { z } from 'zod'

/**
 * Fault knobs for the demo simulator, set as SIMULATOR_FAULTS="name=value,…" (README, Reliability).
 * Rates are shares from 0 to 1: of API calls for the http_* and malformed knobs, of renders for the others.
 */
export const faultsSchema = z.strictObject({
  latency_ms: z.number().int().min(0).max(60_000).default(0),
  fail_rate: z.number().min(0).max(1).default(0),
  http_5xx_rate: z.number().min(0).max(1).default(0),
  http_429_rate: z.number().min(0).max(1).default(0),
  malformed_rate: z.number().min(0).max(1).default(0),
  stuck_rate: z.number().min(0).max(1).default(0),
  /** Share of creates refused with a 422 that names the model, as Cannon refuses a model it no longer offers. */
  refuse_rate: z.number().min(0).max(1).default(0),
  /** Renders that succeed with a black take, or a frozen one (for the quality check). */
  black_rate: z.number().min(0).max(1).default(0),
  frozen_rate: z.number().min(0).max(1).default(0),
})
export type Faults = z.infer<typeof faultsSchema>
export const NO_FAULTS: Faults = faultsSchema.parse({})

export class FaultsError extends Error {}

export function parseFaults(text: string | undefined): Faults {
  if (!text?.trim()) return NO_FAULTS
  const entries: Record<string, number> = {}
  for (const part of text.split(',')) {
    const [name, value, ...rest] = part.split('=').map((s) => s.trim())
    const number = Number(value)
    if (!name || value === undefined || value === '' || rest.length > 0 || !Number.isFinite(number)) {
      throw new FaultsError(`SIMULATOR_FAULTS: "${part.trim()}" is not name=number`)
    }
    entries[name] = number
  }
  const parsed = faultsSchema.safeParse(entries)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!
    const name = issue.code === 'unrecognized_keys' ? issue.keys.join(', ') : issue.path.join('.')
    throw new FaultsError(
      issue.code === 'unrecognized_keys'
        ? `SIMULATOR_FAULTS: unknown knob ${name} (known: ${Object.keys(faultsSchema.shape).join(', ')})`
        : `SIMULATOR_FAULTS: ${name}: ${issue.message}`,
    )
  }
  return parsed.data
}

/** The knobs that are on, as SIMULATOR_FAULTS sets them (`fail_rate=0.1,latency_ms=50`); empty when none is. */
export function faultsText(faults: Faults): string {
  return Object.entries(faults)
    .filter(([, value]) => value > 0)
    .map(([name, value]) => `${name}=${value}`)
    .join(',')
}

export const FAILURE_REASONS = [
  'The provider rejected the prompt under its content policy',
  'The provider task timed out before the video was ready',
  'The first frame could not be downloaded by the provider',
] as const
