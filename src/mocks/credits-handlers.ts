import { http, HttpResponse, type RequestHandler } from 'msw'
import type { Catalog } from '@/catalog/catalog-schema'
import { type Me } from '@/catalog/credits-contract'
import { AUTHOR_HEADER } from '@/catalog/author-name'
import { priceShape } from '@/catalog/price-shape'
import { tablePrice } from '@/catalog/price-table'
import { estimateFrom } from '@/server/credit-estimate'
import { DEMO_PRICES } from '@/simulator/pricing'

const NO_HISTORY = {
  exact: { samples: 0, median: null, min: null, max: null },
  fitted: { samples: 0, perSecond: null },
}

/**
 * The credits routes a BFF without a ledger lacks, as a fresh demo studio answers them: estimates from the demo
 * price list (no render has finished yet), and `GET /api/me` for a studio with no tokens. `estimates` counts
 * the estimate requests, for tests of how often the composer asks.
 */
export function creditsHandlers(catalog: Catalog) {
  const counts = { estimates: 0 }
  const handlers: RequestHandler[] = [
    http.post('*/api/estimate', async ({ request }) => {
      counts.estimates++
      const { input } = (await request.json()) as { input: Record<string, unknown> }
      const model = catalog.models.find((m) => m.id === input.model)
      if (!model)
        return HttpResponse.json({ error: { code: 'invalid_input', message: 'No such model' } }, { status: 400 })
      const listed = tablePrice(DEMO_PRICES, model, input)
      const source = listed === undefined ? undefined : { credits: listed, source: 'demo' }
      return HttpResponse.json(estimateFrom(model, priceShape(model, input), NO_HISTORY, source))
    }),
    http.get('*/api/me', ({ request }) => {
      const header = request.headers.get(AUTHOR_HEADER)
      const me: Me = { signIn: 'open', author: header ? decodeURIComponent(header) : null, authorVerified: false }
      return HttpResponse.json(me)
    }),
  ]
  return { counts, handlers }
}
