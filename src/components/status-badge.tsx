import type { StatusWord } from '@/catalog/render-contract'

const STYLES: Record<StatusWord, string> = {
  Waiting: 'bg-amber-900 text-amber-200',
  Queued: 'bg-ink-700 text-ink-200',
  Processing: 'bg-sky-900 text-sky-200',
  Succeeded: 'bg-emerald-900 text-emerald-200',
  Failed: 'bg-red-900 text-red-200',
}

export function StatusBadge({ word }: { word: StatusWord }) {
  return <span className={`rounded-full px-2 py-0.5 text-xs font-medium ${STYLES[word]}`}>{word}</span>
}
