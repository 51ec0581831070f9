import { describe, expect, it } from 'vitest'
import { catalogSchema } from './catalog-schema'
import { catalogV1 } from './models-v1'

describe('catalog v1 sources', () => {
  it('parses as a catalog with its sources and availability', () => {
    expect(catalogSchema.parse(catalogV1)).toEqual(catalogV1)
  })

  it.each(catalogV1.models.map((m) => [m.id, m] as const))(
    '%s: the id, every field and every media slot has a source',
    (_, model) => {
      expect(model.source?.line).toBeTruthy()
      if (model.idInferred) expect(model.source?.evidence).toBe('inferred')
      for (const [name, spec] of Object.entries(model.fields)) expect(spec.source?.line, name).toBeTruthy()
      for (const mode of model.modes) {
        for (const slot of mode.media) expect(slot.source?.line, `${mode.id}.${slot.field}`).toBeTruthy()
      }
    },
  )

  it('marks Sora 2 retired upstream and Nano Banana unverified, and keeps both composable', () => {
    const byId = new Map(catalogV1.models.map((m) => [m.id, m]))
    expect(byId.get('sora2')?.availability).toEqual({
      status: 'retired-upstream',
      note: 'OpenAI closed the Sora 2 API on 2026-09-24; Cannon may refuse it.',
    })
    expect(byId.get('sora2pro')?.availability?.status).toBe('retired-upstream')
    expect(byId.get('nanobanana')?.availability?.status).toBe('unverified')
    for (const id of ['sora2', 'sora2pro', 'nanobanana']) expect(byId.get(id)?.modes.length).toBeGreaterThan(0)
  })

  it("notes where Cannon's word wins over a provider's (Wan 2.7 continuation with audio)", () => {
    const wan = catalogV1.models.find((m) => m.id === 'wan27video')!
    const audio = wan.modes.find((m) => m.id === 'continue')!.media.find((s) => s.field === 'audio_url')!
    expect(audio.source).toMatchObject({ evidence: 'documented', line: expect.stringContaining('Cannon wins') })
  })
})
