import { useCallback, useEffect, useLayoutEffect, useRef, useState, useSyncExternalStore } from 'react'
import { DEFAULT_FPS, globalTimeOf, locate, runningTimeMs } from './timeline'

/** A shot as the player needs it: where its active take plays from, and its trims. */
export interface Clip {
  url: string
  inMs: number
  outMs: number
}

const FRAME_MS = 1000 / DEFAULT_FPS

type Slot = 0 | 1

/**
 * Plays the clips as one film on two <video> elements that take turns: while one plays, the other holds the
 * next shot, loaded and sitting on its in point, and takes over when the first reaches its out point, so a cut
 * shows no gap. The playhead is one time across the whole sequence.
 */
export function useSequencePlayback(clips: readonly Clip[]) {
  const videos = useRef<[HTMLVideoElement | null, HTMLVideoElement | null]>([null, null])
  const slotShot = useRef<[number, number]>([-1, -1])
  const [active, setActive] = useState<Slot>(0)
  const activeRef = useRef<Slot>(0)
  // The playhead moves every frame: kept out of React state so that only what shows it (usePlayhead) redraws.
  const timeRef = useRef(0)
  const listeners = useRef(new Set<() => void>())
  const [shotIndex, setShotIndex] = useState(0)
  const [playing, setPlaying] = useState(false)
  const playingRef = useRef(false)
  const [muted, setMuted] = useState(false)
  const clipsRef = useRef(clips)
  useLayoutEffect(() => {
    clipsRef.current = clips
  }, [clips])
  const totalMs = runningTimeMs(clips)

  const showTime = useCallback((ms: number) => {
    timeRef.current = ms
    for (const listener of listeners.current) listener()
    setShotIndex(locate(clipsRef.current, ms)?.index ?? 0)
  }, [])

  /** Puts shot `index` in `slot`, at `localMs` within its take. */
  const load = useCallback((slot: Slot, index: number, localMs: number) => {
    const video = videos.current[slot]
    const clip = clipsRef.current[index]
    if (!video || !clip) return
    if (slotShot.current[slot] !== index || !video.src.endsWith(clip.url)) video.src = clip.url
    slotShot.current[slot] = index
    video.currentTime = localMs / 1000
  }, [])

  const seek = useCallback(
    (globalMs: number) => {
      const at = locate(clipsRef.current, globalMs)
      if (!at) return
      const slot = activeRef.current
      load(slot, at.index, at.localMs)
      const next = clipsRef.current[at.index + 1]
      if (next) load(slot === 0 ? 1 : 0, at.index + 1, next.inMs)
      showTime(globalTimeOf(clipsRef.current, at.index, at.localMs))
      if (playingRef.current) void videos.current[slot]?.play().catch(() => undefined)
    },
    [load, showTime],
  )

  const pause = useCallback(() => {
    playingRef.current = false
    setPlaying(false)
    for (const video of videos.current) video?.pause()
  }, [])

  /** Hands over to the other video at a cut (it already sits on the next shot's in point), or stops at the end. */
  const cut = useCallback(() => {
    const from = activeRef.current
    const to: Slot = from === 0 ? 1 : 0
    const index = slotShot.current[from] + 1
    const clip = clipsRef.current[index]
    if (!clip) {
      pause()
      showTime(runningTimeMs(clipsRef.current))
      return
    }
    if (slotShot.current[to] !== index) load(to, index, clip.inMs)
    void videos.current[to]?.play().catch(() => undefined)
    activeRef.current = to
    setActive(to)
    videos.current[from]?.pause()
    const after = clipsRef.current[index + 1]
    if (after) load(from, index + 1, after.inMs)
  }, [load, pause, showTime])

  // While playing: follow the active video frame by frame; cut when its next frame would pass the out point.
  useEffect(() => {
    if (!playing) return
    let stopped = false
    let frameHandle = 0
    let watched: { video: HTMLVideoElement; handle: number } | undefined
    const tick = () => {
      if (stopped) return
      const slot = activeRef.current
      const video = videos.current[slot]
      const index = slotShot.current[slot]
      const clip = clipsRef.current[index]
      if (video && clip) {
        const localMs = video.currentTime * 1000
        if (localMs >= clip.outMs - FRAME_MS / 2 || video.ended) cut()
        else showTime(globalTimeOf(clipsRef.current, index, localMs))
      }
      const next = videos.current[activeRef.current]
      if (next && 'requestVideoFrameCallback' in next) {
        if (watched) watched.video.cancelVideoFrameCallback(watched.handle)
        watched = { video: next, handle: next.requestVideoFrameCallback(tick) }
      }
      // A frame callback alone stalls when no new frame comes (a decoder waiting for data): rAF keeps watch.
      cancelAnimationFrame(frameHandle)
      frameHandle = requestAnimationFrame(tick)
    }
    tick()
    return () => {
      stopped = true
      cancelAnimationFrame(frameHandle)
      if (watched) watched.video.cancelVideoFrameCallback(watched.handle)
    }
  }, [playing, cut, showTime])

  // An edit (order, trims, active takes) reloads both videos where the playhead is.
  const shape = clips.map((c) => `${c.url}|${c.inMs}|${c.outMs}`).join(',')
  useEffect(() => {
    slotShot.current = [-1, -1]
    seek(timeRef.current)
  }, [shape, seek])

  const play = () => {
    if (clipsRef.current.length === 0) return
    // From the end, play starts again at the top.
    if (timeRef.current >= runningTimeMs(clipsRef.current) - FRAME_MS / 2) seek(0)
    playingRef.current = true
    setPlaying(true)
    void videos.current[activeRef.current]?.play().catch(() => undefined)
  }
  const stepFrames = (frames: number) => {
    pause()
    const frame = Math.floor(timeRef.current / FRAME_MS + 1e-6) + frames
    const last = Math.max(0, Math.ceil(totalMs / FRAME_MS - 1e-6) - 1)
    seek((Math.min(Math.max(frame, 0), last) + 0.5) * FRAME_MS)
  }

  return {
    videos,
    clips,
    active,
    /** The shot under the playhead (redraws only when it changes). */
    shotIndex,
    subscribe: useCallback((listener: () => void) => {
      const all = listeners.current
      all.add(listener)
      return () => all.delete(listener)
    }, []),
    getTime: useCallback(() => timeRef.current, []),
    totalMs,
    playing,
    muted,
    /** The shot under the playhead and the time within its take. */
    at: () => locate(clipsRef.current, timeRef.current),
    seek,
    togglePlay: () => (playingRef.current ? pause() : play()),
    seekBy: (ms: number) => seek(Math.min(Math.max(timeRef.current + ms, 0), totalMs)),
    stepFrames,
    toggleMute: () => {
      setMuted((m) => !m)
    },
  }
}

/** The playhead's global time, redrawn as it moves. */
export function usePlayhead(playback: Pick<ReturnType<typeof useSequencePlayback>, 'subscribe' | 'getTime'>) {
  return useSyncExternalStore(playback.subscribe, playback.getTime)
}
