import type { FlagKind, QualityFlag } from '@/catalog/quality-contract'
import { formatClipTime } from '@/components/format-time'

const NAMES: Record<FlagKind, string> = {
  black: 'Black',
  frozen: 'Frozen',
  duration: 'Length',
  ratio: 'Shape',
  silence: 'Silent',
}

/** "Black 0:01.13": the flag's name and, for a fault inside the take, where it starts. */
export function flagLabel(flag: QualityFlag): string {
  return flag.atMs === undefined ? NAMES[flag.kind] : `${NAMES[flag.kind]} ${formatClipTime(flag.atMs / 1000)}`
}

export const flagsSummary = (flags: readonly QualityFlag[]) =>
  `Flagged by the quality check: ${flags.map((f) => `${flagLabel(f)} (${f.detail})`).join('; ')}`

const chipClass = 'rounded-full bg-amber-950/90 px-1.5 py-0.5 font-medium text-amber-200'

/**
 * A card's flags as small chips (the first two, then how many more); all of them on hover. Not a list: the gallery's
 * list items are its takes.
 */
export function FlagChips({ flags }: { flags: readonly QualityFlag[] }) {
  const shown = flags.slice(0, 2)
  return (
    <div
      role="group"
      aria-label="Quality flags"
      title={flagsSummary(flags)}
      className="flex flex-wrap gap-1 text-[11px] leading-4"
    >
      {shown.map((flag, i) => (
        <span key={i} className={chipClass}>
          {flagLabel(flag)}
        </span>
      ))}
      {flags.length > shown.length && <span className={chipClass}>{`+${flags.length - shown.length}`}</span>}
    </div>
  )
}

/** The viewer's flags, each with what was found; a fault inside the take is a button that shows that moment. */
export function FlagList({ flags, onSeek }: { flags: readonly QualityFlag[]; onSeek: (seconds: number) => void }) {
  return (
    <ul className="flex flex-col gap-1 text-sm">
      {flags.map((flag, i) => (
        <li key={i} className="flex items-baseline gap-2 text-amber-200">
          {flag.atMs === undefined ? (
            <span className="font-medium">{flagLabel(flag)}</span>
          ) : (
            <button
              type="button"
              className="rounded font-medium underline decoration-dotted underline-offset-2 hover:text-amber-100"
              title="Show this moment"
              onClick={() => onSeek(flag.atMs! / 1000)}
            >
              {flagLabel(flag)}
            </button>
          )}
          <span className="text-ink-300">{flag.detail}</span>
        </li>
      ))}
    </ul>
  )
}
