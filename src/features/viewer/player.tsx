import { useEffect, useRef, useState, type RefObject } from 'react'
import { iconClass, PlayerIcon } from './player-icons'
import { SeekBar } from './seek-bar'
import { TransportButtons } from './transport-buttons'
import { SoundControl } from './sound-control'
import { useFullscreen } from './use-fullscreen'
import { usePlayerKeys } from './use-player-keys'
import { useVideoControls } from './use-video-controls'

const SPEEDS = [0.25, 0.5, 1, 1.5, 2]

interface PlayerProps {
  url: string
  poster: string | undefined
  /** The take's length as the render says it, shown before the video's metadata arrives. */
  knownDuration?: number
  /** Called once the first frame can be drawn, e.g. to capture a poster. */
  onFirstFrame?: (video: HTMLVideoElement) => void
  /** Shows this moment, paused (a new object each time it is asked). */
  seekRequest?: { seconds: number }
  /** Where the video element is also kept for its holder (to read the playhead, pause, draw the frame). */
  videoRef?: RefObject<HTMLVideoElement | null>
}

/**
 * A review player that starts playing on open: play/pause, loop, speed, frame step, scrubbing, sound and
 * fullscreen, with the keys of common editors wherever focus is in the dialog that holds it.
 */
export function Player({ url, poster, knownDuration, onFirstFrame, seekRequest, videoRef: heldRef }: PlayerProps) {
  const frame = useRef<HTMLDivElement>(null)
  const ownRef = useRef<HTMLVideoElement>(null)
  const videoRef = heldRef ?? ownRef
  const controls = useVideoControls(videoRef, { knownDuration })
  const fullscreen = useFullscreen(frame)
  const [loop, setLoop] = useState(true)
  const [speed, setSpeed] = useState(1)
  const [soundBlocked, setSoundBlocked] = useState(false)

  useEffect(() => {
    const video = videoRef.current
    if (!video) return
    video.play().catch((error: unknown) => {
      // Browsers refuse sound without a gesture on the page; a silent start is allowed, and Unmute is one key away.
      if (!(error instanceof DOMException) || error.name !== 'NotAllowedError') return
      video.muted = true
      setSoundBlocked(true)
      void video.play().catch(() => undefined)
    })
  }, [url, videoRef])

  useEffect(() => {
    const video = videoRef.current
    if (!video || !seekRequest) return
    video.pause()
    video.currentTime = seekRequest.seconds
  }, [seekRequest, videoRef])

  usePlayerKeys(frame, {
    togglePlay: controls.togglePlay,
    back: () => controls.seekBy(-1),
    forward: () => controls.seekBy(1),
    previousFrame: () => controls.step(-1),
    nextFrame: () => controls.step(1),
    fullscreen: fullscreen.toggle,
    leaveFullscreen: fullscreen.leave,
    mute: controls.toggleMute,
  })

  const big = fullscreen.isFullscreen
  return (
    <div
      ref={frame}
      tabIndex={-1}
      className={`flex flex-col gap-2 outline-none ${big ? 'h-full bg-black p-4' : 'bg-ink-900'}`}
    >
      <video
        ref={videoRef}
        src={url}
        poster={poster}
        loop={loop}
        playsInline
        preload="metadata"
        onLoadedData={(event) => onFirstFrame?.(event.currentTarget)}
        onClick={controls.togglePlay}
        className={`w-full rounded-lg bg-black object-contain ${big ? 'min-h-0 flex-1' : 'max-h-[65vh]'}`}
        aria-label="Render video"
      />
      <SeekBar time={controls.time} duration={controls.duration} onSeek={controls.seek} />
      <div className="flex flex-wrap items-center justify-between gap-2">
        <TransportButtons
          playing={controls.playing}
          onTogglePlay={controls.togglePlay}
          onStep={controls.step}
          time={controls.time}
          duration={controls.duration}
        />
        <div className="flex flex-wrap items-center gap-2">
          <SoundControl
            muted={controls.muted}
            volume={controls.volume}
            onToggleMute={controls.toggleMute}
            onVolume={controls.setVolume}
          />
          <label className="flex items-center gap-1.5 text-sm text-ink-200">
            <input
              type="checkbox"
              checked={loop}
              onChange={(event) => setLoop(event.target.checked)}
              className="accent-accent-500"
            />
            Loop
          </label>
          <label className="flex items-center gap-1.5 text-sm text-ink-200">
            Speed
            <select
              value={speed}
              onChange={(event) => {
                const next = Number(event.target.value)
                setSpeed(next)
                if (videoRef.current) videoRef.current.playbackRate = next
              }}
              className="rounded-md border border-ink-600 bg-ink-950 px-1 py-1 text-sm"
            >
              {SPEEDS.map((s) => (
                <option key={s} value={s}>{`${s}×`}</option>
              ))}
            </select>
          </label>
          <button
            type="button"
            className={iconClass}
            onClick={fullscreen.toggle}
            aria-label={big ? 'Exit fullscreen' : 'Fullscreen'}
            title={big ? 'Exit fullscreen (F or Esc)' : 'Fullscreen (F)'}
          >
            <PlayerIcon name={big ? 'exitFullscreen' : 'fullscreen'} />
          </button>
        </div>
      </div>
      {soundBlocked && controls.muted && (
        <p role="status" className="text-xs text-amber-300">
          The browser started this take without sound. Press M or Unmute to hear it.
        </p>
      )}
      <p className="hidden text-xs text-ink-400 md:block">
        Keys: Space or K play · J / L one second back / on · ← → or , . one frame · M mute · F fullscreen
      </p>
    </div>
  )
}
