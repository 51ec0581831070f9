import { expect, it } from 'vitest'
import { galleryFileContent, newRendersOnly, parseGalleryFile } from './gallery-file'
import { newRenderRecord } from './use-submit-render'

const record = (prompt: string, requestId?: string) => ({ ...newRenderRecord({ model: 'sora2', prompt }), requestId })

it('round-trips an export, skipping records it cannot read', () => {
  const good = record('A', 'req_1')
  const text = galleryFileContent([good]).replace('"renders":[', '"renders":[{"localId":""},')
  expect(parseGalleryFile(text)).toEqual({ ok: true, renders: [good], damaged: 1 })
})

it('refuses files that are not gallery exports, with a reason', () => {
  expect(parseGalleryFile('not json')).toMatchObject({ ok: false, message: expect.stringMatching(/not JSON/) })
  expect(parseGalleryFile('{"renders":[]}')).toMatchObject({
    ok: false,
    message: expect.stringMatching(/not a Cannon Studio gallery/),
  })
})

it('merges by request id, else by local id, and never twice', () => {
  const existing = [record('A', 'req_1'), record('B')]
  const sameRequest = { ...record('A again', 'req_1') }
  const sameLocal = { ...existing[1]! }
  const fresh = record('C', 'req_3')
  const repeated = { ...fresh, localId: 'another-local-id' }
  expect(newRendersOnly(existing, [sameRequest, sameLocal, fresh, repeated])).toEqual([fresh])
})
