import { useRef, useState } from 'react'
import { formatClipTime } from '@/components/format-time'
import { SeekBar } from './seek-bar'
import { usePlayerKeys } from './use-player-keys'
import { useVideoControls } from './use-video-controls'

/** How far a follower may drift from the playing lead video before it is pulled back. */
const MAX_DRIFT_SECONDS = 0.1
/** Paused, the videos show the same moment: frames are compared side by side. */
const PAUSED_DRIFT_SECONDS = 0.001

export interface SyncedVideo {
  key: string
  url: string | undefined
  poster?: string
  caption: string
}

/**
 * 2–4 takes side by side, driven by one set of controls: the first video leads, the others follow its position
 * and play state; sound comes from one chosen video, the rest are muted.
 */
export function SyncedVideos({ videos, knownDuration }: { videos: SyncedVideo[]; knownDuration?: number }) {
  const elements = useRef<(HTMLVideoElement | null)[]>([])
  const lead = useRef<HTMLVideoElement | null>(null)
  const controls = useVideoControls(lead, { knownDuration })
  const grid = useRef<HTMLDivElement>(null)
  usePlayerKeys(grid, {
    togglePlay: controls.togglePlay,
    back: () => controls.seekBy(-1),
    forward: () => controls.seekBy(1),
    previousFrame: () => controls.step(-1),
    nextFrame: () => controls.step(1),
  })
  const [audioFrom, setAudioFrom] = useState(0)
  const followers = () => elements.current.slice(1).filter((v): v is HTMLVideoElement => v !== null)

  const follow = () => {
    const leader = lead.current
    if (!leader) return
    for (const video of followers()) {
      const drift = leader.paused ? PAUSED_DRIFT_SECONDS : MAX_DRIFT_SECONDS
      if (Math.abs(video.currentTime - leader.currentTime) > drift) video.currentTime = leader.currentTime
      if (leader.paused && !video.paused) video.pause()
      if (!leader.paused && video.paused) void video.play().catch(() => undefined)
    }
  }

  return (
    <>
      <div ref={grid} className="grid gap-3 md:grid-cols-2">
        {videos.map((video, i) => (
          <figure key={video.key} className="flex flex-col gap-1">
            <video
              ref={(element) => {
                elements.current[i] = element
                if (i === 0) lead.current = element
              }}
              src={video.url}
              poster={video.poster}
              muted={i !== audioFrom}
              loop
              playsInline
              preload="auto"
              aria-label={`Compare video ${i + 1}`}
              onTimeUpdate={i === 0 ? follow : undefined}
              onPlay={i === 0 ? follow : undefined}
              onPause={i === 0 ? follow : undefined}
              onSeeked={i === 0 ? follow : undefined}
              className="aspect-video w-full rounded-lg bg-black object-contain"
            />
            <figcaption className="flex items-center justify-between gap-2 text-xs text-ink-400">
              <span className="line-clamp-1">{`${i + 1}. ${video.caption}`}</span>
              <label className="flex shrink-0 items-center gap-1">
                <input
                  type="radio"
                  name="compare-audio"
                  checked={audioFrom === i}
                  onChange={() => setAudioFrom(i)}
                  className="accent-accent-500"
                />
                {`Audio from ${i + 1}`}
              </label>
            </figcaption>
          </figure>
        ))}
      </div>
      <SeekBar time={controls.time} duration={controls.duration} onSeek={controls.seek} />
      <div className="flex items-center gap-3">
        <button
          type="button"
          onClick={controls.togglePlay}
          className="rounded-md border border-ink-600 px-3 py-1 text-sm text-ink-200 hover:bg-ink-800"
        >
          {controls.playing ? 'Pause' : 'Play'}
        </button>
        <span className="font-mono text-xs text-ink-400 tabular-nums">
          {formatClipTime(controls.time)} / {formatClipTime(controls.duration)}
        </span>
      </div>
      <p className="hidden text-xs text-ink-400 md:block">
        Keys: Space or K play · J / L one second back / on · ← → or , . one frame
      </p>
    </>
  )
}
