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

/** A Wan 2.7 continuation of a finished render, for the composer to load. */
export function continueClipInput(record: RenderRecord): VideoInput | undefined {
  const url = record.output?.video_url
  if (!url) return undefined
  return { model: CONTINUE_CLIP_MODEL, prompt: record.input.prompt, source_video_url: url }
}
