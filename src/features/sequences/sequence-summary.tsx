import { runningTimeMs, type Sequence } from '@/catalog/sequence-contract'

/** "3 shots · 14.0 s": a sequence in a list. */
export function sequenceSummary(sequence: Pick<Sequence, 'shots'>): string {
  const n = sequence.shots.length
  return `${n} shot${n === 1 ? '' : 's'} · ${(runningTimeMs(sequence.shots) / 1000).toFixed(1)} s`
}

/** Opens a listed sequence in the Sequence view. */
export function OpenSequenceButton({ sequence, onOpen }: { sequence: Sequence; onOpen: (id: string) => void }) {
  return (
    <button
      type="button"
      aria-label={`Open ${sequence.name}`}
      onClick={() => onOpen(sequence.id)}
      className="shrink-0 rounded-lg border border-ink-700 px-3 py-2 text-sm text-ink-200 hover:bg-ink-800"
    >
      Open
    </button>
  )
}
