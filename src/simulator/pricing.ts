import type { Model } from '@/catalog/catalog-schema'
import { tablePrice, type PriceTable } from '@/catalog/price-table'
import type { VideoInput } from '@/catalog/request-schema'

/**
 * What the simulator charges (demo mode's price list, and the studio's estimates there): credits per second at
 * 720p. Cannon's real prices are undocumented ("Credits: dynamic").
 */
export const DEMO_PRICES: PriceTable = {
  perSecond: { seedance2: 6, seedance2fast: 4, wan27video: 5, veo31: 10, sora2: 6, sora2pro: 12, grok: 3 },
  resolutionFactor: { '480p': 0.6, '720p': 1, '1080p': 1.6 },
  fallbackSeconds: 5,
  otherModelsCredits: 20,
}

export const ENHANCE_CREDITS = 1

export function demoCredits(model: Model, input: VideoInput): number {
  return tablePrice(DEMO_PRICES, model, { ...input })!
}
