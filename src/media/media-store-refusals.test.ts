import { describe, expect, it } from 'vitest'
import { DEFAULT_LIMITS } from './limits'
import { MediaRefused } from './media-errors'
import { chunkedSource, concat, fixture, largeMp4, pngOf, streamOf, text } from './test-samples'
import { backendsForTests } from './test-stores'

const MB = 1024 * 1024

describe.each(backendsForTests())('the $name media store, refusing', (backend) => {
  it('refuses a type it does not take with 415 and a plain reason, keeping nothing', async () => {
    const { store, files, temps } = await backend.open()
    const svg = text('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>')
    const refusal = await store.put(streamOf(svg)).catch((e: unknown) => e)
    expect(refusal).toBeInstanceOf(MediaRefused)
    expect(refusal).toMatchObject({
      status: 415,
      code: 'unsupported_media_type',
      message: 'SVG images are not accepted: use PNG, JPEG or WebP',
    })
    expect(await files()).toEqual([])
    expect(await temps()).toEqual([])
  })

  it('refuses a polyglot whose markup comes after the sniffed head, keeping nothing', async () => {
    const { store, files, temps } = await backend.open()
    const polyglot = concat(largeMp4(2 * MB), '<script>alert(1)</script>')
    await expect(store.put(chunkedSource(polyglot, 256 * 1024).source)).rejects.toMatchObject({ status: 415 })
    expect(await files()).toEqual([])
    expect(await temps()).toEqual([])
  })

  it('stops a file over its kind limit as the bytes arrive (413), closing the source and keeping nothing', async () => {
    const { store, files, temps } = await backend.open({
      ...DEFAULT_LIMITS,
      bytes: { ...DEFAULT_LIMITS.bytes, video: 2 * MB },
    })
    const { source, counter } = chunkedSource(largeMp4(3 * MB), 64 * 1024)
    const refusal = store.put(source)
    await expect(refusal).rejects.toMatchObject({
      status: 413,
      code: 'too_large',
      message: 'Videos can be at most 2 MB; this one is larger',
    })
    expect(counter.pulled).toBeLessThanOrEqual(33) // 2 MB of 64 KB chunks, and one more: not the 49 it had
    expect(counter.finished).toBe(true)
    expect(await files()).toEqual([])
    expect(await temps()).toEqual([])
  })

  it('refuses at once a declared size over the limit, naming it', async () => {
    const { store, temps } = await backend.open()
    const { source, counter } = chunkedSource(fixture('image.png'), 64)
    await expect(store.put(source, { declaredBytes: 150 * MB })).rejects.toMatchObject({
      status: 413,
      message: 'Files can be at most 100 MB; this one is 150 MB',
    })
    expect(counter.pulled).toBe(0)
    await expect(store.put(streamOf(fixture('image.png')), { declaredBytes: 23.4 * MB })).rejects.toMatchObject({
      message: 'Images can be at most 20 MB; this one is 23.4 MB',
    })
    expect(await temps()).toEqual([])
  })

  it('refuses an image over 8192 pixels a side with 413', async () => {
    const { store, files } = await backend.open()
    await expect(store.put(streamOf(pngOf(9000, 10)))).rejects.toMatchObject({
      status: 413,
      code: 'too_many_pixels',
      message: 'Images can be at most 8192 pixels a side; this one is 9000 × 10',
    })
    expect(await files()).toEqual([])
  })

  it('refuses a kind not asked for', async () => {
    const { store } = await backend.open()
    await expect(store.put(streamOf(fixture('image.jpg')), { kinds: ['video'] })).rejects.toMatchObject({
      status: 415,
      code: 'wrong_kind',
      message: 'Only a video can go here; this file is an image',
    })
  })

  it('keeps nothing of a source that fails midway, and passes its error on', async () => {
    const { store, files, temps } = await backend.open()
    const { source } = chunkedSource(largeMp4(2 * MB), 64 * 1024, 20)
    await expect(store.put(source)).rejects.toThrow('connection reset by peer')
    expect(await files()).toEqual([])
    expect(await temps()).toEqual([])
  })

  it('keeps nothing of an upload aborted while its source is stalled', async () => {
    const { store, files, temps } = await backend.open()
    let cancelled = false
    const stalled = new ReadableStream<Uint8Array>({
      start: (controller) => controller.enqueue(fixture('video-h264.mp4').subarray(0, 500)),
      cancel: () => {
        cancelled = true
      },
    })
    const upload = store.put(stalled, { signal: AbortSignal.timeout(50) })
    await expect(upload).rejects.toMatchObject({ name: 'TimeoutError' })
    expect(cancelled).toBe(true)
    expect(await files()).toEqual([])
    expect(await temps()).toEqual([])
  })

  it('refuses an empty body', async () => {
    const { store } = await backend.open()
    await expect(store.put(streamOf(new Uint8Array(0)))).rejects.toMatchObject({ status: 400, code: 'empty' })
  })
})
