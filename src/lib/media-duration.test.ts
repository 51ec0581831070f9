// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest'
import { readMediaDuration } from './media-duration'

describe('readMediaDuration', () => {
  const revoked: string[] = []
  afterEach(() => {
    revoked.length = 0
  })

  function media(kind: 'video' | 'audio') {
    URL.createObjectURL = () => 'blob:studio/1'
    URL.revokeObjectURL = (url: string) => void revoked.push(url)
    const create = document.createElement.bind(document)
    let element: HTMLMediaElement | undefined
    vi.spyOn(document, 'createElement').mockImplementation((tag: string) => {
      element = create(tag) as HTMLMediaElement
      return element
    })
    const pending = readMediaDuration(new Blob(['x']), kind)
    return { pending, element: element! }
  }

  it('reads the duration from the metadata, then lets the file go', async () => {
    const { pending, element } = media('video')
    expect(element.tagName).toBe('VIDEO')
    expect(element.getAttribute('src')).toBe('blob:studio/1')
    Object.defineProperty(element, 'duration', { value: 4.25 })
    element.dispatchEvent(new Event('loadedmetadata'))
    expect(await pending).toBe(4.25)
    expect(revoked).toEqual(['blob:studio/1'])
    expect(element.hasAttribute('src')).toBe(false)
  })

  it('knows nothing of a file this browser cannot read, or that has no length', async () => {
    const unreadable = media('audio')
    unreadable.element.dispatchEvent(new Event('error'))
    expect(await unreadable.pending).toBeUndefined()
    vi.restoreAllMocks()
    const endless = media('audio')
    Object.defineProperty(endless.element, 'duration', { value: Infinity })
    endless.element.dispatchEvent(new Event('loadedmetadata'))
    expect(await endless.pending).toBeUndefined()
    expect(revoked).toEqual(['blob:studio/1', 'blob:studio/1'])
  })
})
