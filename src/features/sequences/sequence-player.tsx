import { useRef } from 'react'
import { formatClipTime } from '@/components/format-time'
import { TransportButtons } from '@/features/viewer/transport-buttons'
import { usePlayerKeys } from '@/features/viewer/use-player-keys'
import { DEFAULT_FPS, spansOf } from './timeline'
import { usePlayhead, type useSequencePlayback } from './use-sequence-playback'

interface SequencePlayerProps {
  playback: ReturnType<typeof useSequencePlayback>
  /** A still for before anything has loaded: the first shot's poster. */
  poster: string | undefined
}

/** One player for the whole sequence, with one playhead across it and the cuts marked on the scrubber. */
export function SequencePlayer({ playback, poster }: SequencePlayerProps) {
  const frame = useRef<HTMLDivElement>(null)
  const { videos, active, totalMs } = playback
  const timeMs = usePlayhead(playback)
  usePlayerKeys(frame, {
    togglePlay: playback.togglePlay,
    back: () => playback.seekBy(-1000),
    forward: () => playback.seekBy(1000),
    previousFrame: () => playback.stepFrames(-1),
    nextFrame: () => playback.stepFrames(1),
    mute: playback.toggleMute,
  })
  const cuts = spansOf(playback.clips)
    .slice(1)
    .map((span) => span.startMs)

  return (
    <div ref={frame} tabIndex={-1} className="flex flex-col gap-2 outline-none">
      <div className="relative mx-auto aspect-video w-full max-w-[calc(42vh*16/9)] overflow-hidden rounded-lg bg-black">
        {([0, 1] as const).map((slot) => (
          <video
            key={slot}
            ref={(video) => {
              videos.current[slot] = video
            }}
            data-active={slot === active}
            aria-hidden={slot !== active}
            aria-label={slot === active ? 'Sequence video' : undefined}
            poster={slot === 0 ? poster : undefined}
            muted={playback.muted}
            playsInline
            preload="auto"
            onClick={playback.togglePlay}
            className={`absolute inset-0 h-full w-full object-contain ${slot === active ? 'opacity-100' : 'opacity-0'}`}
          />
        ))}
      </div>
      <div className="relative">
        <input
          type="range"
          aria-label="Sequence playhead"
          aria-valuetext={`${formatClipTime(timeMs / 1000)} of ${formatClipTime(totalMs / 1000)}`}
          min={0}
          max={totalMs / 1000}
          step={1 / DEFAULT_FPS}
          value={timeMs / 1000}
          onChange={(event) => playback.seek(Number(event.target.value) * 1000)}
          className="w-full accent-accent-500"
        />
        {totalMs > 0 &&
          cuts.map((ms) => (
            <span
              key={ms}
              aria-hidden
              data-cut-ms={ms}
              style={{ left: `${(ms / totalMs) * 100}%` }}
              className="pointer-events-none absolute top-0 h-full w-0.5 -translate-x-1/2 bg-amber-300"
            />
          ))}
      </div>
      <div className="flex flex-wrap items-center gap-2">
        <TransportButtons
          playing={playback.playing}
          onTogglePlay={playback.togglePlay}
          onStep={playback.stepFrames}
          time={timeMs / 1000}
          duration={totalMs / 1000}
        />
        <button
          type="button"
          onClick={playback.toggleMute}
          className="ml-auto rounded-md px-2 py-1 text-sm text-ink-300 hover:text-ink-100"
        >
          {playback.muted ? 'Unmute' : 'Mute'}
        </button>
      </div>
      <p className="hidden text-xs text-ink-400 md:block">
        Keys: Space or K play · J / L one second back / on · ← → or , . one frame · M mute
      </p>
    </div>
  )
}
