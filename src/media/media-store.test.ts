import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import type { MediaBody } from './media-store'
import { chunkedSource, fixture, largeMp4, streamOf } from './test-samples'
import { backendsForTests } from './test-stores'

const MB = 1024 * 1024
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex')
const bytesOf = async (body: MediaBody | undefined) => new Uint8Array(await new Response(body!.stream).arrayBuffer())

describe.each(backendsForTests())('the $name media store', (backend) => {
  it('stores a file under its SHA-256 and type, and gives it back whole and by range', async () => {
    const { store, files } = await backend.open()
    const mp4 = fixture('video-h264.mp4')
    const stored = await store.put(chunkedSource(mp4, 100).source)
    const name = `${sha256(mp4)}.mp4`
    expect(stored).toEqual({ name, sha256: sha256(mp4), kind: 'video', mime: 'video/mp4', bytes: mp4.length })
    expect(await files()).toEqual([expect.stringContaining(name)])
    expect(await store.stat(name)).toEqual({ name, mime: 'video/mp4', size: mp4.length })

    const whole = await store.read(name)
    expect(whole).toMatchObject({ name, mime: 'video/mp4', size: mp4.length })
    expect(await bytesOf(whole)).toEqual(mp4)
    const part = await store.read(name, { start: 4, end: 11 })
    expect(part).toMatchObject({ size: mp4.length, range: { start: 4, end: 11 } })
    expect(new TextDecoder().decode(await bytesOf(part))).toBe('ftypisom')
  })

  it('gives images their pixel size', async () => {
    const { store } = await backend.open()
    expect(await store.put(streamOf(fixture('image-vp8x.webp')))).toMatchObject({
      kind: 'image',
      width: 40,
      height: 24,
    })
  })

  it('stores the same bytes once, however they arrive', async () => {
    const { store, files, puts } = await backend.open()
    const png = fixture('image.png')
    const first = await store.put(streamOf(png))
    const second = await store.put(chunkedSource(png, 7).source)
    expect(second).toEqual(first)
    expect(first.name).toBe(`${sha256(png)}.png`)
    expect(await files()).toHaveLength(1)
    if (backend.name === 's3') expect(puts()).toBe(1)
  })

  it('streams a file larger than its sniffed head in chunks, hashing all of it', async () => {
    const { store, temps } = await backend.open()
    const mp4 = largeMp4(3 * MB)
    const stored = await store.put(chunkedSource(mp4, 64 * 1024).source)
    expect(stored).toMatchObject({ sha256: sha256(mp4), bytes: mp4.length, kind: 'video' })
    expect(sha256(await bytesOf(await store.read(stored.name)))).toBe(stored.sha256) // toEqual on MBs is slow
    expect(await temps()).toEqual([])
  })

  it('takes only names it made: no paths, no traversal, no other case or extension', async () => {
    const { store } = await backend.open()
    const stored = await store.put(streamOf(fixture('image.png')))
    const hash = stored.sha256
    for (const name of [
      '../' + stored.name,
      `${hash}.png/../${hash}.png`,
      '../../etc/passwd',
      `${hash.toUpperCase()}.png`,
      `${hash}.svg`,
      `${hash}.PNG`,
      `${hash}.png\0`,
      `/${stored.name}`,
    ]) {
      expect(await store.stat(name), name).toBeUndefined()
      expect(await store.read(name), name).toBeUndefined()
      await expect(store.urlFor(name), name).rejects.toThrow(TypeError)
      await expect(store.delete(name), name).rejects.toThrow(TypeError)
    }
    expect(await store.stat(stored.name)).toBeDefined()
  })

  it('answers nothing for a file it does not have, refuses a range outside a file, and deletes quietly', async () => {
    const { store, files } = await backend.open()
    const missing = `${'0'.repeat(64)}.mp4`
    expect(await store.stat(missing)).toBeUndefined()
    expect(await store.read(missing)).toBeUndefined()
    const stored = await store.put(streamOf(fixture('audio.wav')))
    await expect(store.read(stored.name, { start: stored.bytes, end: stored.bytes + 10 })).rejects.toThrow(RangeError)
    await store.delete(stored.name)
    await store.delete(stored.name)
    expect(await store.stat(stored.name)).toBeUndefined()
    expect(await files()).toEqual([])
  })

  it('gives a URL at which the file can be fetched', async () => {
    const { store } = await backend.open()
    const stored = await store.put(streamOf(fixture('audio.m4a')))
    const url = await store.urlFor(stored.name)
    if (backend.name === 'folder') expect(url).toBe(`https://studio.example/media/${stored.name}`)
    else {
      expect(url).toMatch(/X-Amz-Expires=604800/)
      const response = await fetch(url)
      expect(response.status).toBe(200)
      expect(new Uint8Array(await response.arrayBuffer())).toEqual(fixture('audio.m4a'))
    }
  })
})
