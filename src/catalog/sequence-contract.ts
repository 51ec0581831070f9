import { z } from 'zod/mini'
import type { Model } from './catalog-schema'
import { effectiveSeconds } from './effective-values'
import { MAX_TAKE_MS } from './quality-contract'

/*
 * Sequences: shots in order, each holding the takes made for it (a render, its re-runs and variations) with one
 * active take trimmed to in and out points (times within the active take). Shared by the server, which checks
 * every write against the ledger, and the browser, which parses the answers.
 */

export const MAX_SHOTS = 200
export const MAX_TAKES_PER_SHOT = 50
export const MAX_SEQUENCES_LISTED = 200

/** A render id as the studio makes them (UUIDs) or imports them. */
const takeIdSchema = z.string().check(z.regex(/^[A-Za-z0-9_-]{1,128}$/, 'not a take id'))
const timeSchema = z.int().check(z.minimum(0), z.maximum(MAX_TAKE_MS))

export const shotSchema = z.strictObject({
  /** Made by whoever adds the shot (a browser's random UUID, or the ledger when a take joins by itself). */
  id: z.string().check(z.regex(/^[A-Za-z0-9_-]{1,64}$/, 'not a shot id')),
  takeIds: z.array(takeIdSchema).check(z.minLength(1), z.maxLength(MAX_TAKES_PER_SHOT)),
  activeTakeId: takeIdSchema,
  inMs: timeSchema,
  outMs: timeSchema,
})
export type Shot = z.infer<typeof shotSchema>

const nameSchema = z.string().check(z.trim(), z.minLength(1, 'a sequence needs a name'), z.maxLength(100))
const shotsSchema = z.array(shotSchema).check(z.maxLength(MAX_SHOTS))

/** POST /api/sequences. */
export const newSequenceSchema = z.strictObject({ name: nameSchema, shots: z.optional(shotsSchema) })
export type NewSequence = z.infer<typeof newSequenceSchema>

/** PATCH /api/sequences/:id: `version` is the one the edit was made from; `shots` is the whole new list. */
export const sequencePatchSchema = z.strictObject({
  version: z.int().check(z.minimum(1)),
  name: z.optional(nameSchema),
  shots: z.optional(shotsSchema),
})
export type SequencePatch = z.infer<typeof sequencePatchSchema>

export const sequenceSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** Goes up by one with every change; a write made from an older one is refused (409). */
  version: z.int(),
  shots: z.array(shotSchema),
  createdAtMs: z.number(),
  updatedAtMs: z.number(),
})
export type Sequence = z.infer<typeof sequenceSchema>

export const sequenceListSchema = z.object({ items: z.array(sequenceSchema) })

/** What is wrong across a shot list's fields (the shapes are checked by the schemas), or undefined. */
export function shotListProblem(shots: readonly Shot[]): { field: string; message: string } | undefined {
  const ids = new Set<string>()
  for (const [i, shot] of shots.entries()) {
    const field = `shots.${i}`
    if (ids.has(shot.id)) return { field: `${field}.id`, message: `Shot ${i + 1}: its id is used by another shot` }
    ids.add(shot.id)
    if (new Set(shot.takeIds).size !== shot.takeIds.length)
      return { field: `${field}.takeIds`, message: `Shot ${i + 1}: a take is listed twice` }
    if (!shot.takeIds.includes(shot.activeTakeId))
      return { field: `${field}.activeTakeId`, message: `Shot ${i + 1}: the active take is not one of its takes` }
    if (shot.inMs >= shot.outMs)
      return { field: `${field}.inMs`, message: `Shot ${i + 1}: the in point must come before the out point` }
  }
  return undefined
}

/** The length of the sequence as it plays: the trimmed shots one after another. */
export const runningTimeMs = (shots: readonly Pick<Shot, 'inMs' | 'outMs'>[]) =>
  shots.reduce((total, shot) => total + shot.outMs - shot.inMs, 0)

/** The message of a 409 for a write made from an older version. */
export const STALE_SEQUENCE_MESSAGE =
  'Someone else changed this sequence since you loaded it; load it again and redo the change'

/**
 * How long a take is: what the finished take says, else what was asked, else (given its `model`) the model's
 * default duration; undefined when none of them says.
 */
export function takeLengthMs(
  take: { input: Record<string, unknown>; output?: { duration?: number } | null },
  model?: Model,
): number | undefined {
  const seconds = take.output?.duration ?? take.input.duration ?? (model && effectiveSeconds(model, take.input))
  return typeof seconds === 'number' && seconds > 0 ? Math.round(seconds * 1000) : undefined
}

/** An MP4 export of a sequence (POST /api/sequences/:id/exports, then GET …/exports/:jobId until it ends). */
export const EXPORT_STATES = ['queued', 'running', 'done', 'failed', 'cancelled'] as const
export const exportStartedSchema = z.object({ jobId: z.string() })
export const exportStatusSchema = z.object({
  state: z.enum(EXPORT_STATES),
  /** 0–1. */
  progress: z.number(),
  error: z.optional(z.string()),
  downloaded: z.optional(z.boolean()),
})
export type ExportStatus = z.infer<typeof exportStatusSchema>

/** The media field a model continues a clip from (Wan 2.7's continuation). */
export const SOURCE_CLIP_FIELD = 'source_video_url'

/** The slot of `model`'s source clip, with its shortest and longest clip; undefined when it continues none. */
export function sourceClipSlot(model: Model | undefined) {
  return model?.modes.flatMap((mode) => mode.media).find((slot) => slot.field === SOURCE_CLIP_FIELD)
}

/**
 * POST /api/renders/:id/continue-clip: the take's kept copy cut up to and including the frame shown at `atMs`
 * (from its start, or as far back as `model`'s longest source clip), stored like an upload, for `model` to
 * continue. The answer names the stored clip and the part of the take it holds.
 */
export const continueClipRequestSchema = z.strictObject({
  atMs: timeSchema,
  model: z.string().check(z.regex(/^[A-Za-z0-9_.-]{1,64}$/, 'not a model id')),
})
export type ContinueClipRequest = z.infer<typeof continueClipRequestSchema>
export const continueClipSchema = z.object({ url: z.string(), startMs: z.number(), endMs: z.number() })
