/** "0:07.25": a position in a clip, to the hundredth, for frame-accurate review. */
export function formatClipTime(seconds: number): string {
  const safe = Math.max(0, seconds)
  const minutes = Math.floor(safe / 60)
  return `${minutes}:${(safe % 60).toFixed(2).padStart(5, '0')}`
}
