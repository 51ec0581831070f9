/** Outline icons for the cards' actions, drawn inline (16×16, the current text colour). */
const PATHS = {
  rerun: 'M13 8a5 5 0 1 1-1.6-3.7M13.2 2.5v2.8h-2.8',
  variations: 'M2.5 2.5h4.5v4.5H2.5zM9 2.5h4.5v4.5H9zM2.5 9h4.5v4.5H2.5zM9 9h4.5v4.5H9z',
  remix: 'M2.5 4.5h7M12 4.5h1.5M2.5 11.5h1.5M6.5 11.5h7M10.5 2.5v4M5 9.5v4',
  download: 'M8 2.5v7.5M4.5 7 8 10.5 11.5 7M3 13.5h10',
  stack: 'M8 2 14 5 8 8 2 5zM2 8l6 3 6-3M2 11l6 3 6-3',
  chevron: 'M4 6l4 4 4-4',
  lineage: 'M8 2.5v4M8 6.5 4 10M8 6.5l4 3.5M4 10v3.5M12 10v3.5',
  share:
    'M6 9.5 10 6.5M6 6.5l4 3M4.5 10a2 2 0 1 0 0-4 2 2 0 0 0 0 4zM11.5 6a2 2 0 1 0 0-4 2 2 0 0 0 0 4zM11.5 14a2 2 0 1 0 0-4 2 2 0 0 0 0 4z',
  comment: 'M2.5 3.5h11v7H7l-3 2.5v-2.5H2.5z',
  sequence: 'M2 4h12v8H2zM5.5 4v8M10.5 4v8M2 6.5h1.5M2 9.5h1.5M12.5 6.5H14M12.5 9.5H14',
} as const

export type IconName = keyof typeof PATHS

export function Icon({ name, size = 16 }: { name: IconName; size?: number }) {
  return (
    <svg
      viewBox="0 0 16 16"
      width={size}
      height={size}
      fill="none"
      stroke="currentColor"
      strokeWidth="1.5"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
    >
      <path d={PATHS[name]} />
    </svg>
  )
}
