import { describe, expect, it } from 'vitest'
import { catalogV1 } from '@/catalog/models-v1'
import { priceShape } from '@/catalog/price-shape'
import { tablePrice } from '@/catalog/price-table'
import type { PriceHistory } from '@/ledger/price-history'
import { DEMO_PRICES } from '@/simulator/pricing'
import { describeShape, estimateFrom } from './credit-estimate'

const grok = catalogV1.models.find((m) => m.id === 'grok')!
const wan = catalogV1.models.find((m) => m.id === 'wan27video')!
const shape = priceShape(grok, { model: 'grok', duration: 10, resolution: '480p' })
const none: PriceHistory = {
  exact: { samples: 0, median: null, min: null, max: null },
  fitted: { samples: 0, perSecond: null },
}

describe('estimateFrom', () => {
  it('takes the median of renders exactly like this one first', () => {
    const history = {
      ...none,
      exact: { samples: 5, median: 30, min: 28, max: 33 },
      fitted: { samples: 9, perSecond: 9 },
    }
    expect(estimateFrom(grok, shape, history, { credits: 99, source: 'demo' })).toEqual({
      credits: 30,
      basis: 'history',
      samples: 5,
      detail: '5 renders exactly like this (Grok, 10 s, 480p) cost 28–33 credits; the median is 30.',
    })
  })

  it('fits credits per second from the model at that resolution, rounded up', () => {
    const estimate = estimateFrom(grok, shape, { ...none, fitted: { samples: 4, perSecond: 2.85 } })
    expect(estimate).toMatchObject({ credits: 29, basis: 'fitted', samples: 4 })
    expect(estimate.detail).toBe(
      'No render exactly like this yet; 4 Grok renders at 480p cost a median 2.85 credits a second, so 10 s ≈ 29 credits.',
    )
  })

  it('falls back to a price list, then says plainly that it does not know', () => {
    expect(estimateFrom(grok, shape, none, { credits: 18, source: 'demo' })).toMatchObject({
      credits: 18,
      basis: 'table',
      samples: 0,
    })
    expect(estimateFrom(grok, shape, none)).toEqual({
      credits: null,
      basis: 'unknown',
      samples: 0,
      detail:
        'No Grok render at 480p has finished yet and no price list covers it: the cost is unknown until one does.',
    })
  })

  it('fits nothing for a model without a duration', () => {
    const banana = catalogV1.models.find((m) => m.id === 'nanobanana')!
    const noDuration = priceShape(banana, { model: 'nanobanana' })
    expect(estimateFrom(banana, noDuration, { ...none, fitted: { samples: 3, perSecond: 2 } }).basis).toBe('unknown')
  })
})

describe('price shapes', () => {
  it("fill in the model's defaults and name the media that can change a price", () => {
    const withAudio = priceShape(wan, { model: 'wan27video', image_url: 'https://a.example/f.jpg', audio_url: 'x' })
    expect(withAudio).toEqual({
      model: 'wan27video',
      seconds: 5,
      defaultSeconds: 5,
      resolution: '1080p',
      defaultResolution: '1080p',
      media: 'audio_url,image_url,',
    })
    expect(describeShape(wan, withAudio)).toBe('Wan 2.7, 5 s, 1080p, with Audio and First frame')
    expect(priceShape(wan, { model: 'wan27video', reference_image_urls: [], audio_url: '' }).media).toBe('')
  })
})

describe("the demo price list is the simulator's", () => {
  it('charges per second, scaled by resolution, and a flat price for a model it does not list', () => {
    expect(tablePrice(DEMO_PRICES, grok, { duration: 10, resolution: '480p' })).toBe(18)
    expect(
      tablePrice(
        DEMO_PRICES,
        catalogV1.models.find((m) => m.id === 'nanobanana')!,
        {},
      ),
    ).toBe(20)
    expect(tablePrice({ perSecond: {}, resolutionFactor: {} }, grok, {})).toBeUndefined()
  })
})
