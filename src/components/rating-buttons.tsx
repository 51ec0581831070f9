import type { Rating } from '@/catalog/quality-contract'

interface RatingButtonsProps {
  rating: Rating | undefined
  onRate: (rating: Rating) => void
  /** Small icon buttons on a card, or worded buttons in the viewer. */
  compact?: boolean
}

const LOOKS: Record<Rating, { label: string; mark: string; on: string }> = {
  pick: { label: 'Pick', mark: '✓', on: 'bg-emerald-900 text-emerald-200' },
  reject: { label: 'Reject', mark: '✕', on: 'bg-red-950 text-red-200' },
}

/** Pick or reject a take: two toggle buttons (pressing the pressed one takes the rating back). */
export function RatingButtons({ rating, onRate, compact = false }: RatingButtonsProps) {
  return (
    <div role="group" aria-label="Rating" className="flex gap-0.5">
      {(Object.keys(LOOKS) as Rating[]).map((option) => {
        const look = LOOKS[option]
        const pressed = rating === option
        return (
          <button
            key={option}
            type="button"
            aria-label={look.label}
            aria-pressed={pressed}
            title={pressed ? `${look.label}ed (click to take back)` : look.label}
            onClick={() => onRate(option)}
            className={`flex h-7 items-center justify-center gap-1 rounded-md text-sm focus-visible:outline-2 focus-visible:outline-accent-400 ${
              compact ? 'w-7' : 'border border-ink-600 px-3'
            } ${pressed ? look.on : 'text-ink-300 hover:bg-ink-700 hover:text-ink-100'}`}
          >
            <span aria-hidden="true">{look.mark}</span>
            {!compact && look.label}
          </button>
        )
      })}
    </div>
  )
}
