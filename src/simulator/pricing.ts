import type { Model } from '@/catalog/catalog-schema'
import type { VideoInput } from '@/catalog/request-schema'

/** Demo credits per second at 720p. Cannon's real prices are undocumented ("Credits: dynamic"). */
const PER_SECOND: Record<string, number> = {
  seedance2: 6,
  seedance2fast: 4,
  wan27video: 5,
  veo31: 10,
  sora2: 6,
  sora2pro: 12,
  grok: 3,
}
const RESOLUTION_FACTOR: Record<string, number> = { '480p': 0.6, '720p': 1, '1080p': 1.6 }
const FLAT_RENDER_CREDITS = 20
const FALLBACK_SECONDS = 5

export const ENHANCE_CREDITS = 1

export function demoCredits(model: Model, input: VideoInput): number {
  const perSecond = PER_SECOND[model.id]
  if (perSecond === undefined) return FLAT_RENDER_CREDITS
  const durationSpec = model.fields.duration
  const seconds =
    input.duration ?? (durationSpec?.type === 'integer' ? durationSpec.default : undefined) ?? FALLBACK_SECONDS
  const resolutionSpec = model.fields.resolution
  const resolution = input.resolution ?? (resolutionSpec?.type === 'enum' ? resolutionSpec.default : '720p')
  return Math.max(1, Math.round(perSecond * seconds * (RESOLUTION_FACTOR[resolution] ?? 1)))
}
