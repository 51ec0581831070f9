import type { Catalog } from './catalog-schema'
import { detectMode, mediaSlotsOf } from './modes'
import { PRICE_MEDIA_FIELDS } from './price-shape'

/** Which mode a model's render was, by the media fields it carried as the ledger records them (`media`). */
export interface MediaMode {
  model: string
  /** The fields present, in PRICE_MEDIA_FIELDS order, each followed by a comma ('' for none). */
  media: string
  mode: string
}

/**
 * Every combination of each model's media fields that one of its modes takes, with that mode: what the ledger
 * joins its renders with to sum them by mode (Cannon has no mode field; the media decide, as in detectMode).
 */
export function mediaModes(catalog: Catalog): MediaMode[] {
  const table: MediaMode[] = []
  for (const model of catalog.models) {
    const fields = PRICE_MEDIA_FIELDS.filter((field) => mediaSlotsOf(model).some((slot) => slot.field === field))
    for (let mask = 0; mask < 1 << fields.length; mask++) {
      const present = fields.filter((_, i) => mask & (1 << i))
      const detected = detectMode(model, Object.fromEntries(present.map((field) => [field, 'x'])))
      if (detected.ok)
        table.push({ model: model.id, media: present.map((f) => `${f},`).join(''), mode: detected.mode.id })
    }
  }
  return table
}
