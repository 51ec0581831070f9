import { useRef, useState } from 'react'
import { formatClipTime } from '@/components/format-time'
import { useVideoControls } from './use-video-controls'
import { SeekBar } from './seek-bar'

const SPEEDS = [0.25, 0.5, 1, 1.5, 2]
const controlClass = 'rounded-md border border-ink-600 px-2 py-1 text-sm text-ink-200 hover:bg-ink-800'

interface PlayerProps {
  url: string
  poster: string | undefined
  /** Called once the first frame can be drawn, e.g. to capture a poster. */
  onFirstFrame?: (video: HTMLVideoElement) => void
}

/** A review player: play/pause, loop, speed, frame step, scrubbing and fullscreen. */
export function Player({ url, poster, onFirstFrame }: PlayerProps) {
  const frame = useRef<HTMLDivElement>(null)
  const videoRef = useRef<HTMLVideoElement>(null)
  const controls = useVideoControls(videoRef)
  const [loop, setLoop] = useState(true)
  const [speed, setSpeed] = useState(1)

  return (
    <div ref={frame} className="flex flex-col gap-2 bg-ink-900">
      <video
        ref={videoRef}
        src={url}
        poster={poster}
        loop={loop}
        playsInline
        preload="auto"
        onLoadedData={(event) => onFirstFrame?.(event.currentTarget)}
        onClick={controls.togglePlay}
        className="max-h-[65vh] w-full rounded-lg bg-black"
        aria-label="Render video"
      />
      <SeekBar time={controls.time} duration={controls.duration} onSeek={controls.seek} />
      <div className="flex flex-wrap items-center gap-2">
        <button type="button" className={controlClass} onClick={controls.togglePlay}>
          {controls.playing ? 'Pause' : 'Play'}
        </button>
        <button type="button" className={controlClass} onClick={() => controls.step(-1)} aria-label="Previous frame">
          ◀︎|
        </button>
        <button type="button" className={controlClass} onClick={() => controls.step(1)} aria-label="Next frame">
          |▶︎
        </button>
        <span className="font-mono text-xs text-ink-400 tabular-nums">
          {formatClipTime(controls.time)} / {formatClipTime(controls.duration)}
        </span>
        <label className="ml-auto flex items-center gap-1.5 text-sm text-ink-200">
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
          className={controlClass}
          onClick={() =>
            (document.fullscreenElement ? document.exitFullscreen() : frame.current?.requestFullscreen())?.catch(
              () => undefined,
            )
          }
        >
          Fullscreen
        </button>
      </div>
    </div>
  )
}
