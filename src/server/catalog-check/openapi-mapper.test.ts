import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { catalogV1 } from '@/catalog/models-v1'
import { diffCatalog } from './catalog-diff'
import { mapCannonOpenApi } from './openapi-mapper'

const fixture = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8'))
const differences = (name: string) => diffCatalog(catalogV1, mapCannonOpenApi(fixture(name)))

describe('mapCannonOpenApi', () => {
  it.each(['matches-3.1.json', 'matches-3.0.json'])('%s: finds every model with nothing to report', (name) => {
    const mapped = mapCannonOpenApi(fixture(name))
    expect([...mapped.models.keys()].sort()).toEqual(catalogV1.models.map((m) => m.id).sort())
    expect(mapped.unmapped).toEqual([])
    expect(diffCatalog(catalogV1, mapped)).toEqual([])
  })

  it('reads enums, ranges, nullable seeds, URL lists and required fields through $ref, allOf and discriminators', () => {
    const seedance = mapCannonOpenApi(fixture('matches-3.1.json')).models.get('seedance2')!
    expect(seedance.fields.get('resolution')).toEqual({ kind: 'enum', values: ['480p', '720p', '1080p'] })
    expect(seedance.fields.get('duration')).toEqual({ kind: 'integer', min: 4, max: 15 })
    expect(seedance.fields.get('seed')).toEqual({ kind: 'integer', min: 0, max: 2_147_483_647 })
    expect(seedance.fields.get('reference_image_urls')).toEqual({ kind: 'url-list', minItems: 1, maxItems: 9 })
    expect(seedance.fields.get('first_frame_url')).toEqual({ kind: 'url' })
    expect(seedance.fields.get('prompt')).toEqual({ kind: 'text', maxLength: 5000 })
    expect([...seedance.required]).toEqual(['prompt'])
    const grok = mapCannonOpenApi(fixture('matches-3.0.json')).models.get('grok')!
    expect(grok.fields.get('duration')).toEqual({ kind: 'integer', values: [6, 10] })
    expect(grok.fields.get('prompt')).toEqual({ kind: 'text', maxLength: 4096 })
  })

  it('reports a model Cannon offers that the catalog lacks', () => {
    expect(differences('differs-unknown-model-3.1.json')).toEqual([
      {
        model: 'seedance25',
        kind: 'unknown-model',
        message: 'Cannon offers seedance25, which the catalog does not have',
      },
    ])
  })

  it('reports catalog models Cannon does not list', () => {
    expect(differences('differs-missing-model-3.0.json').map((d) => [d.model, d.kind])).toEqual([
      ['sora2', 'missing-model'],
      ['sora2pro', 'missing-model'],
    ])
  })

  it('reports fields on one side only', () => {
    expect(differences('differs-fields-3.1.json')).toEqual([
      { model: 'veo31', kind: 'missing-field', message: 'Cannon does not list seed, which the catalog sends' },
      {
        model: 'grok',
        kind: 'unknown-field',
        message: 'Cannon takes negative_prompt, which the catalog does not offer',
      },
    ])
  })

  it('reports enum values on either side', () => {
    expect(differences('differs-values-3.0.json').map((d) => `${d.model}: ${d.message}`)).toEqual([
      'seedance2fast: aspect_ratio: Cannon also allows adaptive',
      'seedance2fast: resolution: Cannon also allows 1080p',
      'grok: duration: Cannon also allows 15',
    ])
  })

  it('reports ranges and list sizes', () => {
    expect(differences('differs-ranges-3.1.json').map((d) => `${d.model} ${d.kind}: ${d.message}`)).toEqual([
      'seedance2 range: reference_image_urls: at most 9 items here, 4 at Cannon',
      'wan27video range: duration: the catalog allows 2–15, Cannon 2–10',
    ])
  })

  it('reports a field Cannon requires that the studio may leave out', () => {
    expect(differences('differs-required-3.1.json')).toEqual([
      { model: 'wan27video', kind: 'required', message: 'Cannon requires seed; the catalog may leave it out' },
    ])
  })

  it.each([
    ['malformed-3.1.json', fixture('malformed-3.1.json'), /VideoGenerateInput leads nowhere/],
    ['a Swagger 2 document', { swagger: '2.0', paths: {} }, /not an OpenAPI 3.0 or 3.1 document/],
    ['an array', [], /not a JSON object/],
    ['no create path', { openapi: '3.1.0', paths: {} }, /no POST \/api\/v1\/requests/],
  ])('refuses %s with a plain reason', (_, doc, reason) => {
    expect(() => mapCannonOpenApi(doc)).toThrow(reason)
  })

  it('refuses a schema that includes itself with a plain reason, not a stack overflow', () => {
    const doc = fixture('matches-3.1.json') as { components: { schemas: Record<string, { allOf: unknown[] }> } }
    doc.components.schemas.VideoInputGrok!.allOf.push({ $ref: '#/components/schemas/VideoInputGrok' })
    expect(() => mapCannonOpenApi(doc)).toThrow(/nests more than 32 levels deep/)
  })

  it('says plainly what it could not map, and maps the rest', () => {
    const doc = fixture('matches-3.1.json') as { components: { schemas: Record<string, { allOf: unknown[] }> } }
    doc.components.schemas.VideoInputGrok!.allOf.push({ properties: { style: { type: 'object' } } })
    const mapped = mapCannonOpenApi(doc)
    expect(mapped.unmapped).toEqual(['grok: the type of style could not be read'])
    expect(mapped.models.get('grok')?.fields.has('duration')).toBe(true)
  })
})
