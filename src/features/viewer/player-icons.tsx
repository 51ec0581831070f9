/** The player's control glyphs, drawn inline so they look the same without an emoji or symbol font. */
const PATHS = {
  play: 'M5 3.5v9l7.5-4.5z',
  pause: 'M4.5 3.5h2.5v9H4.5zM9 3.5h2.5v9H9z',
  previousFrame: 'M4 3.5v9M12.5 3.5v9L6 8z',
  nextFrame: 'M12 3.5v9M3.5 3.5v9L10 8z',
  sound: 'M2.5 6h2.5l3.5-3v10L5 10H2.5zM11 5.5a3.5 3.5 0 0 1 0 5M12.5 3.5a6 6 0 0 1 0 9',
  muted: 'M2.5 6h2.5l3.5-3v10L5 10H2.5zM10.5 6l3.5 4M14 6l-3.5 4',
  fullscreen: 'M2.5 6V2.5H6M10 2.5h3.5V6M13.5 10v3.5H10M6 13.5H2.5V10',
  exitFullscreen: 'M6 2.5V6H2.5M13.5 6H10V2.5M10 13.5V10h3.5M2.5 10H6v3.5',
} as const
/** A square control button holding one of these glyphs. */
export const iconClass =
  'inline-flex h-8 w-9 items-center justify-center rounded-md border border-ink-600 text-ink-200 hover:bg-ink-800 focus-visible:outline-2 focus-visible:outline-accent-400'

const FILLED: ReadonlySet<keyof typeof PATHS> = new Set(['play', 'pause'])

export function PlayerIcon({ name }: { name: keyof typeof PATHS }) {
  const filled = FILLED.has(name)
  return (
    <svg
      viewBox="0 0 16 16"
      width="16"
      height="16"
      fill={filled ? 'currentColor' : 'none'}
      stroke="currentColor"
      strokeWidth={filled ? 0 : 1.5}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
    >
      <path d={PATHS[name]} />
    </svg>
  )
}
