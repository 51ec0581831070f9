import { useEffect, useState, type RefObject } from 'react'

/** Cannon's output carries no frame rate; 24 fps is the common rate of the models' clips. */
export const FRAME_SECONDS = 1 / 24

/** Mirrors a <video>'s play state and position into React, and exposes the controls a reviewer needs. */
export function useVideoControls(ref: RefObject<HTMLVideoElement | null>) {
  const [playing, setPlaying] = useState(false)
  const [time, setTime] = useState(0)
  const [duration, setDuration] = useState(0)

  useEffect(() => {
    const video = ref.current
    if (!video) return
    const sync = () => {
      setPlaying(!video.paused)
      setTime(video.currentTime)
      setDuration(Number.isFinite(video.duration) ? video.duration : 0)
    }
    const events = ['play', 'pause', 'timeupdate', 'seeked', 'loadedmetadata', 'durationchange']
    for (const name of events) video.addEventListener(name, sync)
    return () => {
      for (const name of events) video.removeEventListener(name, sync)
    }
  }, [ref])

  const video = () => ref.current
  return {
    playing,
    time,
    duration,
    togglePlay: () => {
      const v = video()
      if (!v) return
      if (v.paused) void v.play().catch(() => undefined)
      else v.pause()
    },
    seek: (seconds: number) => {
      const v = video()
      if (v) v.currentTime = Math.max(0, Math.min(seconds, v.duration || seconds))
    },
    step: (frames: number) => {
      const v = video()
      if (!v) return
      v.pause()
      v.currentTime = Math.max(0, Math.min(v.currentTime + frames * FRAME_SECONDS, v.duration || Infinity))
    },
  }
}
