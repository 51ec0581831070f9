import { z } from 'zod/mini'

/*
 * Quality flags and ratings of takes, shared by the browser (which samples kept takes and reports what it found)
 * and the server (which checks a report against the render before the ledger keeps it).
 */

export const FLAG_KINDS = ['black', 'frozen', 'duration', 'ratio', 'silence'] as const
export type FlagKind = (typeof FLAG_KINDS)[number]

/** The version of the browser's sampler: a take checked by an older one is checked again. */
export const QUALITY_SAMPLER = 1
/** No take is longer than this: a flag's time beyond it is refused. */
export const MAX_TAKE_MS = 10 * 60_000
export const MAX_FLAGS = 20

export const qualityFlagSchema = z.object({
  kind: z.enum(FLAG_KINDS),
  /** Where in the take the fault starts (black, frozen, silence); absent for the whole take (duration, ratio). */
  atMs: z.optional(z.int().check(z.minimum(0), z.maximum(MAX_TAKE_MS))),
  /** What was found, in plain words ("black for 1.5 s", "2.0 s long, asked for 5 s"). */
  detail: z.string().check(z.minLength(1), z.maxLength(200)),
})
export type QualityFlag = z.infer<typeof qualityFlagSchema>

/** PATCH /api/renders/:id/quality: what one version of the sampler found in a kept take. */
export const qualityReportSchema = z.strictObject({
  sampler: z.int().check(z.minimum(1), z.maximum(QUALITY_SAMPLER)),
  flags: z.array(qualityFlagSchema).check(z.maxLength(MAX_FLAGS)),
})
export type QualityReport = z.infer<typeof qualityReportSchema>

/** A take's rating: kept for the cut, or set aside. */
export const RATINGS = ['pick', 'reject'] as const
export const ratingSchema = z.enum(RATINGS)
export type Rating = z.infer<typeof ratingSchema>

/** The request's `input`: what was asked (the checks read duration, aspect_ratio and audio_url). */
type AskedInput = Readonly<Record<string, unknown>>

/** Whether the request asked for sound (Wan 2.7's driving audio). */
export const askedForAudio = (input: AskedInput) => typeof input.audio_url === 'string' && input.audio_url !== ''

/**
 * Why a report cannot be true of a take asked with `input`, or undefined when it can: a flag compares the take
 * with what was asked, so it needs that ask (a duration, a ratio, sound), and a fault inside the take needs a time.
 */
export function reportRefusal(input: AskedInput, flags: readonly QualityFlag[]): string | undefined {
  for (const flag of flags) {
    if (flag.kind === 'duration' && typeof input.duration !== 'number') return 'duration: this render asked no duration'
    if (flag.kind === 'ratio' && typeof input.aspect_ratio !== 'string') return 'ratio: this render asked no ratio'
    if (flag.kind === 'silence' && !askedForAudio(input)) return 'silence: this render asked for no sound'
    if ((flag.kind === 'black' || flag.kind === 'frozen') && flag.atMs === undefined)
      return `${flag.kind}: say where in the take (atMs)`
  }
  return undefined
}
