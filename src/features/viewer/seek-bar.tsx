/** The scrubber under a player: one for a single render, one for a compared set. */
export function SeekBar({
  time,
  duration,
  onSeek,
}: {
  time: number
  duration: number
  onSeek: (time: number) => void
}) {
  return (
    <input
      type="range"
      aria-label="Seek"
      min={0}
      max={duration || 0}
      step={0.01}
      value={time}
      onChange={(event) => onSeek(Number(event.target.value))}
      className="w-full accent-accent-500"
    />
  )
}
