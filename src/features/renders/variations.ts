import type { Model } from '@/catalog/catalog-schema'
import type { VideoInput } from '@/catalog/request-schema'
import type { RenderRecord } from './render-record'

export const MIN_VARIATIONS = 2
export const MAX_VARIATIONS = 4

function withTweak(prompt: string, tweak: string): string {
  const extra = tweak.trim()
  return extra ? `${prompt.trim()} ${extra}` : prompt
}

/**
 * The inputs of `count` variations of a render: a fresh random seed each where the model takes a seed,
 * otherwise the same input again (the provider's own randomness varies the take); an optional tweak is
 * appended to the prompt.
 */
export function variationInputs(
  input: VideoInput,
  model: Model | undefined,
  count: number,
  tweak = '',
  random: () => number = Math.random,
): VideoInput[] {
  const seedSpec = model?.fields.seed
  return Array.from({ length: count }, () => {
    const next: VideoInput = { ...input, prompt: withTweak(input.prompt, tweak) }
    if (seedSpec?.type === 'integer')
      next.seed = seedSpec.min + Math.floor(random() * (seedSpec.max - seedSpec.min + 1))
    return next
  })
}

export const CONTINUE_CLIP_MODEL = 'wan27video'

/** A Wan 2.7 continuation of a finished render (or of `clipUrl`, a part of it), for the composer to load. */
export function continueClipInput(record: RenderRecord, clipUrl?: string): VideoInput | undefined {
  const url = clipUrl ?? record.output?.video_url
  if (!url) return undefined
  return { model: CONTINUE_CLIP_MODEL, prompt: record.input.prompt, source_video_url: url }
}

const FIRST_FRAME_FIELDS = new Set(['image_url', 'first_frame_url'])

/**
 * The next shot of a sequence: the take's model and settings with `frameUrl` (its last frame) as the first
 * frame, or Wan 2.7's when the take's model has no first-frame mode. The take's other media are left out.
 */
export function lastFrameInput(record: RenderRecord, models: readonly Model[], frameUrl: string): VideoInput {
  const slotOf = (model: Model | undefined) =>
    model?.modes.flatMap((mode) => mode.media).find((slot) => FIRST_FRAME_FIELDS.has(slot.field))
  const own = models.find((m) => m.id === record.input.model)
  const model = slotOf(own) ? own : models.find((m) => m.id === CONTINUE_CLIP_MODEL)
  const slot = slotOf(model)
  if (!model || !slot) return { model: record.input.model, prompt: record.input.prompt }
  const media = new Set(model.modes.flatMap((mode) => mode.media.map((s) => s.field as string)))
  const kept = Object.entries(record.input).filter(([field]) => field in model.fields && !media.has(field))
  return { ...Object.fromEntries(kept), model: model.id, prompt: record.input.prompt, [slot.field]: frameUrl }
}
