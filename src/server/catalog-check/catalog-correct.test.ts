import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { catalogV1 } from '@/catalog/models-v1'
import { diffCatalog } from './catalog-diff'
import { correctCatalog } from './catalog-correct'
import { mapCannonOpenApi } from './openapi-mapper'

const mapped = (name: string) =>
  mapCannonOpenApi(JSON.parse(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8')))
const model = (catalog: typeof catalogV1, id: string) => catalog.models.find((m) => m.id === id)!

describe('correctCatalog', () => {
  it.each([
    'differs-ranges-3.1.json',
    'differs-values-3.0.json',
    'differs-fields-3.1.json',
    'differs-unknown-model-3.1.json',
  ])('%s: the corrected catalog has no difference left but what needs a person', (name) => {
    const cannon = mapped(name)
    const { catalog, byHand } = correctCatalog(catalogV1, cannon, '2026-11-30')
    expect(diffCatalog(catalog, cannon).map((d) => d.kind)).toEqual(byHand.length ? ['unknown-model'] : [])
  })

  it("takes Cannon's ranges and values, with Cannon as their source, and confirms the ids", () => {
    const { catalog } = correctCatalog(catalogV1, mapped('differs-ranges-3.1.json'), '2026-11-30')
    const wan = model(catalog, 'wan27video')
    expect(wan.fields.duration).toMatchObject({ min: 2, max: 10, default: 5 })
    expect(wan.fields.duration?.source).toEqual({
      evidence: 'documented',
      line: "Cannon's OpenAPI document, read 2026-11-30",
    })
    expect(model(catalog, 'grok')).toMatchObject({ idInferred: false, source: { evidence: 'documented' } })
    expect(model(catalog, 'sora2').availability?.status).toBe('retired-upstream')
    expect(model(catalog, 'nanobanana').availability).toBeUndefined()
  })

  it('keeps models Cannon does not list, marked unverified, and lists new ones for a person', () => {
    const missing = correctCatalog(catalogV1, mapped('differs-missing-model-3.0.json'), '2026-11-30').catalog
    expect(model(missing, 'sora2').availability).toEqual({
      status: 'retired-upstream',
      note: "Cannon's OpenAPI did not list sora2 on 2026-11-30; Cannon may refuse it.",
    })
    const added = correctCatalog(catalogV1, mapped('differs-unknown-model-3.1.json'), '2026-11-30')
    expect(added.byHand).toEqual([
      'seedance25: Cannon offers it; add it to the catalog by hand (name, one line, modes)',
    ])
  })

  it('drops a field Cannon does not take, and adds one it takes', () => {
    const { catalog } = correctCatalog(catalogV1, mapped('differs-fields-3.1.json'), '2026-11-30')
    expect(model(catalog, 'veo31').fields.seed).toBeUndefined()
    expect(model(catalog, 'grok').fields.negative_prompt).toMatchObject({ type: 'text', maxLength: 1000 })
  })
})
