import { useQuery } from '@tanstack/react-query'
import { Modal } from '@/components/modal'
import { OpenSequenceButton, sequenceSummary } from './sequence-summary'
import { sequencesQuery } from './sequence-client'

/** The team's sequences, the last changed first, each to open in the Sequence view. */
export default function SequencesDialog({ onOpen, onClose }: { onOpen: (id: string) => void; onClose: () => void }) {
  const sequences = useQuery(sequencesQuery)
  const list = sequences.data ?? []
  return (
    <Modal label="Sequences" onClose={onClose}>
      {sequences.isPending && <p className="text-sm text-ink-400">Loading the team’s sequences…</p>}
      {sequences.isError && (
        <p
          role="alert"
          className="text-sm text-red-300"
        >{`Could not load the sequences: ${sequences.error.message}`}</p>
      )}
      {sequences.isSuccess && list.length === 0 && (
        <p className="text-sm text-ink-400">
          No sequences yet: start one with Add to sequence on a take in the gallery.
        </p>
      )}
      {list.length > 0 && (
        <ul aria-label="The team’s sequences" className="flex max-w-xl flex-col gap-1">
          {list.map((sequence) => (
            <li key={sequence.id} className="flex items-center gap-3 rounded-lg border border-ink-700 px-3 py-2">
              <span className="min-w-0 flex-1 truncate text-sm text-ink-200">{sequence.name}</span>
              <span className="shrink-0 text-xs text-ink-400">{sequenceSummary(sequence)}</span>
              <OpenSequenceButton sequence={sequence} onOpen={onOpen} />
            </li>
          ))}
        </ul>
      )}
    </Modal>
  )
}
