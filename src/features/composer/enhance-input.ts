import type { EnhanceInput, VideoInput } from '@/catalog/request-schema'

/** Shared by Enhance prompt and its stand-in while its chunk loads, so the two look the same. */
export const ENHANCE_BUTTON_CLASS =
  'rounded-md border border-ink-600 px-2 py-1 text-xs text-ink-200 hover:border-accent-400 disabled:opacity-50'

const ENHANCE_PROMPT_MAX = 5000

/** The camelCase enhance input for the current wire input: its prompt, and shot hints where the model has them. */
export function enhanceInputFor(input: VideoInput): EnhanceInput | { reason: string } {
  if (input.prompt.trim() === '') return { reason: 'Write a prompt first' }
  if (input.prompt.length > ENHANCE_PROMPT_MAX)
    return { reason: `Enhance takes up to ${ENHANCE_PROMPT_MAX} characters` }
  return {
    prompt: input.prompt,
    ...(input.aspect_ratio ? { aspectRatio: input.aspect_ratio } : {}),
    ...(Number.isInteger(input.duration) ? { duration: input.duration } : {}),
  }
}
