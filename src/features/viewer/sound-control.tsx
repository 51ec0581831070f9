import { iconClass, PlayerIcon } from './player-icons'

interface SoundControlProps {
  muted: boolean
  volume: number
  onToggleMute: () => void
  onVolume: (level: number) => void
}

/** Mute and volume; the slider is left to the phone's own buttons on small screens. */
export function SoundControl({ muted, volume, onToggleMute, onVolume }: SoundControlProps) {
  return (
    <div className="flex items-center gap-1">
      <button
        type="button"
        className={iconClass}
        onClick={onToggleMute}
        aria-label={muted ? 'Unmute' : 'Mute'}
        title={muted ? 'Unmute (M)' : 'Mute (M)'}
      >
        <PlayerIcon name={muted ? 'muted' : 'sound'} />
      </button>
      <input
        type="range"
        aria-label="Volume"
        min={0}
        max={1}
        step={0.05}
        value={muted ? 0 : volume}
        onChange={(event) => onVolume(Number(event.target.value))}
        className="hidden w-20 accent-accent-500 sm:block"
      />
    </div>
  )
}
