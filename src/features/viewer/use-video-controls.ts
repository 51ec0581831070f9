import { useEffect, useState, type RefObject } from 'react'
import { DEFAULT_FRAME_SECONDS, FRAME_SAMPLES, frameSecondsFrom, frameStepTarget } from './frames'

interface VideoControlsOptions {
  /** The take's length as the render says it, shown until the video's own metadata arrives. */
  knownDuration?: number
}

/** Mirrors a <video>'s play state, position and sound into React, and exposes the controls a reviewer needs. */
export function useVideoControls(
  ref: RefObject<HTMLVideoElement | null>,
  { knownDuration }: VideoControlsOptions = {},
) {
  const [playing, setPlaying] = useState(false)
  const [time, setTime] = useState(0)
  const [mediaDuration, setMediaDuration] = useState(0)
  const [muted, setMuted] = useState(false)
  const [volume, setVolumeState] = useState(1)
  const frameSeconds = useFrameSeconds(ref)

  useEffect(() => {
    const video = ref.current
    if (!video) return
    const sync = () => {
      setPlaying(!video.paused)
      setTime(video.currentTime)
      setMediaDuration(Number.isFinite(video.duration) ? video.duration : 0)
      setMuted(video.muted)
      setVolumeState(video.volume)
    }
    sync()
    const events = ['play', 'pause', 'timeupdate', 'seeked', 'loadedmetadata', 'durationchange', 'volumechange']
    for (const name of events) video.addEventListener(name, sync)
    return () => {
      for (const name of events) video.removeEventListener(name, sync)
    }
  }, [ref])

  const duration = mediaDuration || knownDuration || 0
  const video = () => ref.current
  const seek = (seconds: number) => {
    const v = video()
    if (v) v.currentTime = Math.max(0, Math.min(seconds, v.duration || seconds))
  }
  return {
    playing,
    time,
    duration,
    muted,
    volume,
    togglePlay: () => {
      const v = video()
      if (!v) return
      if (v.paused) void v.play().catch(() => undefined)
      else v.pause()
    },
    seek,
    /** Moves by `seconds` (negative: back) from where the video is. */
    seekBy: (seconds: number) => {
      const v = video()
      if (v) seek(v.currentTime + seconds)
    },
    /** Pauses, then moves by whole frames. */
    step: (frames: number) => {
      const v = video()
      if (!v) return
      v.pause()
      v.currentTime = frameStepTarget(v.currentTime, frames, frameSeconds, v.duration || duration)
    },
    toggleMute: () => {
      const v = video()
      if (v) v.muted = !v.muted
    },
    /** 0–1; turning the volume up unmutes, as in every player. */
    setVolume: (level: number) => {
      const v = video()
      if (!v) return
      v.volume = level
      if (level > 0) v.muted = false
    },
  }
}

/**
 * The video's frame length, measured from the frames it presents while it plays (Cannon's output does not say
 * its frame rate); DEFAULT_FRAME_SECONDS until then, or where the browser cannot report frames.
 */
function useFrameSeconds(ref: RefObject<HTMLVideoElement | null>): number {
  const [frameSeconds, setFrameSeconds] = useState(DEFAULT_FRAME_SECONDS)
  useEffect(() => {
    const video = ref.current
    if (!video || !('requestVideoFrameCallback' in video)) return
    const steps: number[] = []
    let last: VideoFrameCallbackMetadata | undefined
    let handle = 0
    const onFrame = (_now: number, frame: VideoFrameCallbackMetadata) => {
      // Frames presented one after the other (a seek or a loop starts a new run); the latest few count.
      if (last && frame.presentedFrames - last.presentedFrames === 1 && frame.mediaTime > last.mediaTime)
        steps.push(frame.mediaTime - last.mediaTime)
      if (steps.length > FRAME_SAMPLES) steps.shift()
      last = frame
      const measured = frameSecondsFrom(steps)
      if (measured) setFrameSeconds(measured)
      else handle = video.requestVideoFrameCallback(onFrame)
    }
    handle = video.requestVideoFrameCallback(onFrame)
    return () => video.cancelVideoFrameCallback(handle)
  }, [ref])
  return frameSeconds
}
