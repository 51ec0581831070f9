import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { catalogV1 } from '@/catalog/models-v1'
import { buildVideoInputSchema } from '@/catalog/request-schema'
import { loadCatalog } from './catalog-loader'
import { ConfigError } from './config'

async function catalogFile(content: string) {
  const dir = await mkdtemp(join(tmpdir(), 'catalog-'))
  const file = join(dir, 'catalog.json')
  await writeFile(file, content)
  return file
}

describe('STUDIO_CATALOG_FILE', () => {
  it('is the built-in catalog when unset', async () => {
    expect(await loadCatalog(undefined)).toBe(catalogV1)
  })

  it('replaces the catalog, and the request schema follows it without a rebuild', async () => {
    const corrected = structuredClone(catalogV1)
    const sora = corrected.models.find((m) => m.id === 'sora2')!
    sora.id = 'sora-2'
    sora.fields.duration = { type: 'integer', unit: 's', min: 4, max: 12, values: [4, 8, 12], default: 4 }
    const catalog = await loadCatalog(await catalogFile(JSON.stringify(corrected)))
    const schema = buildVideoInputSchema(catalog, { allowDemoMedia: false })
    expect(schema.safeParse({ model: 'sora-2', prompt: 'x', duration: 12 }).success).toBe(true)
    expect(schema.safeParse({ model: 'sora-2', prompt: 'x', duration: 16 }).success).toBe(false)
    expect(schema.safeParse({ model: 'sora2', prompt: 'x' }).success).toBe(false)
  })

  it('stops the start with a clear message when the file is not JSON or not a catalog', async () => {
    await expect(loadCatalog(await catalogFile('{ nope'))).rejects.toThrow(ConfigError)
    await expect(loadCatalog(await catalogFile('{ nope'))).rejects.toThrow(/could not be read as JSON/)
    const broken = structuredClone(catalogV1) as unknown as { models: { fields: Record<string, unknown> }[] }
    broken.models[0]!.fields.duration = { type: 'integer', min: 4, max: 15, default: 99 }
    await expect(loadCatalog(await catalogFile(JSON.stringify(broken)))).rejects.toThrow(
      /is not a valid catalog[\s\S]*default is not an allowed value/,
    )
    await expect(loadCatalog('/no/such/catalog.json')).rejects.toThrow(/STUDIO_CATALOG_FILE/)
  })

  it('reads clip and audio durations, and still loads a file written before they existed', async () => {
    const wanSlots = (catalog: typeof catalogV1) =>
      catalog.models.find((m) => m.id === 'wan27video')!.modes.find((m) => m.id === 'continue')!.media
    const withDurations = await loadCatalog(await catalogFile(JSON.stringify(catalogV1)))
    expect(wanSlots(withDurations)).toEqual([
      expect.objectContaining({
        field: 'source_video_url',
        kind: 'video',
        required: true,
        minSeconds: 2,
        maxSeconds: 10,
      }),
      expect.objectContaining({ field: 'audio_url', kind: 'audio', required: false, minSeconds: 2, maxSeconds: 30 }),
    ])
    const older = JSON.stringify(catalogV1).replace(/,"(min|max)Seconds":\d+/g, '')
    expect(older).not.toContain('Seconds')
    expect(wanSlots(await loadCatalog(await catalogFile(older)))[0]).not.toHaveProperty('minSeconds')
  })

  it('refuses durations that cannot be met or do not apply', async () => {
    const broken = (edit: (slot: Record<string, unknown>) => void, mode = 'continue') => {
      const catalog = structuredClone(catalogV1)
      const wan = catalog.models.find((m) => m.id === 'wan27video')!
      edit(wan.modes.find((m) => m.id === mode)!.media[0] as unknown as Record<string, unknown>)
      return catalogFile(JSON.stringify(catalog))
    }
    await expect(loadCatalog(await broken((slot) => (slot.minSeconds = 12)))).rejects.toThrow(
      /wan27video: source_video_url: minSeconds is over maxSeconds/,
    )
    await expect(loadCatalog(await broken((slot) => (slot.maxSeconds = 5), 'first-frame'))).rejects.toThrow(
      /image_url is an image and has no duration/,
    )
    await expect(loadCatalog(await broken((slot) => (slot.maxSeconds = -1)))).rejects.toThrow(/maxSeconds/)
  })
})
