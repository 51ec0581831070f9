import { vi } from 'vitest'

interface MediaState {
  paused: boolean
  time: number
  muted: boolean
  volume: number
}

/**
 * jsdom has media elements that never play (play() only logs "not implemented"): this gives every one a clip of
 * `duration` seconds that plays, pauses, seeks and mutes at once, firing the events a browser fires. The
 * fullscreen API, which jsdom lacks, is stood in for too. Spies are restored by vitest's restoreMocks.
 */
export function fakeMedia({ duration = 4, refuseSound = false } = {}) {
  const states = new WeakMap<HTMLMediaElement, MediaState>()
  const of = (media: HTMLMediaElement) => {
    let state = states.get(media)
    if (!state) states.set(media, (state = { paused: true, time: 0, muted: false, volume: 1 }))
    return state
  }
  const proto = HTMLMediaElement.prototype
  const fire = (media: HTMLMediaElement, type: string) => media.dispatchEvent(new Event(type))
  vi.spyOn(proto, 'paused', 'get').mockImplementation(function (this: HTMLMediaElement) {
    return of(this).paused
  })
  vi.spyOn(proto, 'duration', 'get').mockReturnValue(duration)
  vi.spyOn(proto, 'currentTime', 'get').mockImplementation(function (this: HTMLMediaElement) {
    return of(this).time
  })
  vi.spyOn(proto, 'currentTime', 'set').mockImplementation(function (this: HTMLMediaElement, time: number) {
    of(this).time = time
    fire(this, 'seeked')
  })
  vi.spyOn(proto, 'muted', 'get').mockImplementation(function (this: HTMLMediaElement) {
    return of(this).muted
  })
  vi.spyOn(proto, 'muted', 'set').mockImplementation(function (this: HTMLMediaElement, muted: boolean) {
    of(this).muted = muted
    fire(this, 'volumechange')
  })
  vi.spyOn(proto, 'volume', 'get').mockImplementation(function (this: HTMLMediaElement) {
    return of(this).volume
  })
  vi.spyOn(proto, 'volume', 'set').mockImplementation(function (this: HTMLMediaElement, volume: number) {
    of(this).volume = volume
    fire(this, 'volumechange')
  })
  const play = vi.spyOn(proto, 'play').mockImplementation(function (this: HTMLMediaElement) {
    if (refuseSound && !of(this).muted)
      return Promise.reject(new DOMException('play() needs a user gesture', 'NotAllowedError'))
    of(this).paused = false
    fire(this, 'play')
    return Promise.resolve()
  })
  vi.spyOn(proto, 'pause').mockImplementation(function (this: HTMLMediaElement) {
    of(this).paused = true
    fire(this, 'pause')
  })
  return { play, state: of }
}

/** A stand-in for the Fullscreen API on jsdom's document; call the returned function to take it away. */
export function fakeFullscreen(): () => void {
  let current: Element | null = null
  const change = (element: Element | null) => {
    current = element
    document.dispatchEvent(new Event('fullscreenchange'))
    return Promise.resolve()
  }
  Object.defineProperty(document, 'fullscreenElement', { configurable: true, get: () => current })
  Object.defineProperty(document, 'exitFullscreen', { configurable: true, value: () => change(null) })
  Object.defineProperty(HTMLElement.prototype, 'requestFullscreen', {
    configurable: true,
    value(this: HTMLElement) {
      return change(this)
    },
  })
  return () => {
    for (const name of ['fullscreenElement', 'exitFullscreen'] as const) Reflect.deleteProperty(document, name)
    Reflect.deleteProperty(HTMLElement.prototype, 'requestFullscreen')
  }
}
