import { formatClipTime } from '@/components/format-time'
import { iconClass, PlayerIcon } from './player-icons'

interface TransportButtonsProps {
  playing: boolean
  onTogglePlay: () => void
  /** Moves by whole frames (negative: back). */
  onStep: (frames: number) => void
  /** Where the playhead is and how long it all is, in seconds. */
  time: number
  duration: number
}

/** Play/pause, a frame back and on, and the time: the heart of a player's controls (one take or a sequence). */
export function TransportButtons({ playing, onTogglePlay, onStep, time, duration }: TransportButtonsProps) {
  return (
    <div className="flex items-center gap-2">
      <button
        type="button"
        className={iconClass}
        onClick={onTogglePlay}
        aria-label={playing ? 'Pause' : 'Play'}
        title={playing ? 'Pause (Space or K)' : 'Play (Space or K)'}
      >
        <PlayerIcon name={playing ? 'pause' : 'play'} />
      </button>
      <button
        type="button"
        className={iconClass}
        onClick={() => onStep(-1)}
        aria-label="Previous frame"
        title="Previous frame (← or ,)"
      >
        <PlayerIcon name="previousFrame" />
      </button>
      <button
        type="button"
        className={iconClass}
        onClick={() => onStep(1)}
        aria-label="Next frame"
        title="Next frame (→ or .)"
      >
        <PlayerIcon name="nextFrame" />
      </button>
      <span className="font-mono text-xs text-ink-300 tabular-nums">
        {formatClipTime(time)} / {formatClipTime(duration)}
      </span>
    </div>
  )
}
