import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { CancelButton } from '@/components/cancel-button'
import { SmallDialog } from '@/components/small-dialog'
import { useEffect, useRef, useState, type FormEvent } from 'react'
import type { Model } from '@/catalog/catalog-schema'
import type { Sequence, Shot } from '@/catalog/sequence-contract'
import type { RenderRecord } from '@/features/renders/render-record'
import { appendShot, shotOf } from './add-shot'
import { OpenSequenceButton, sequenceSummary } from './sequence-summary'
import { sequenceClient, sequencesQuery } from './sequence-client'

interface AddToSequenceDialogProps {
  record: RenderRecord
  model: Model | undefined
  /** Called once the take is in a sequence, with what to tell the creative. */
  onAdded: (message: string) => void
  onCancel: () => void
  /** Opens a sequence in the Sequence view. */
  onOpen: (id: string) => void
}

/** Puts a finished take at the end of one of the team's sequences, or starts a new sequence with it. */
export default function AddToSequenceDialog({ record, model, onAdded, onCancel, onOpen }: AddToSequenceDialogProps) {
  const queryClient = useQueryClient()
  const sequences = useQuery(sequencesQuery)
  const [name, setName] = useState('')
  const nameRef = useRef<HTMLInputElement>(null)
  useEffect(() => nameRef.current?.focus(), [])
  const shot = shotOf(record, model)

  const add = useMutation({
    mutationFn: (target: { shot: Shot } & ({ sequence: Sequence } | { name: string })): Promise<Sequence> =>
      'name' in target
        ? sequenceClient.create({ name: target.name, shots: [target.shot] })
        : appendShot(target.sequence.id, target.shot),
    onSuccess: (sequence) => {
      void queryClient.invalidateQueries({ queryKey: sequencesQuery.queryKey })
      onAdded(`Added to “${sequence.name}” as shot ${sequence.shots.length}`)
    },
  })

  const create = (event: FormEvent) => {
    event.preventDefault()
    if (shot && name.trim()) add.mutate({ shot, name: name.trim() })
  }
  const list = sequences.data ?? []

  return (
    <SmallDialog label="Add to sequence" onClose={onCancel}>
      <p className="line-clamp-2 text-sm text-ink-400">{record.input.prompt}</p>
      {!shot && (
        <p role="alert" className="text-sm text-amber-200">
          Neither the take nor its model says how long it is, so it cannot be placed in a sequence.
        </p>
      )}
      {sequences.isPending && <p className="text-sm text-ink-400">Loading the team’s sequences…</p>}
      {sequences.isError && (
        <p className="text-sm text-red-300">{`Could not load the sequences: ${sequences.error.message}`}</p>
      )}
      {list.length > 0 && (
        <ul aria-label="Sequences" className="flex flex-col gap-1">
          {list.map((sequence) => (
            <li key={sequence.id} className="flex gap-1">
              <button
                type="button"
                disabled={!shot || add.isPending}
                onClick={() => shot && add.mutate({ shot, sequence })}
                className="flex min-w-0 flex-1 items-baseline justify-between gap-3 rounded-lg border border-ink-700 px-3 py-2 text-left text-sm text-ink-200 hover:bg-ink-800 disabled:opacity-40"
              >
                <span className="truncate">{sequence.name}</span>
                <span className="shrink-0 text-xs text-ink-400">{sequenceSummary(sequence)}</span>
              </button>
              <OpenSequenceButton sequence={sequence} onOpen={onOpen} />
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={create} className="flex flex-col gap-1">
        <label htmlFor="new-sequence-name" className="text-xs font-medium text-ink-400">
          New sequence
        </label>
        <div className="flex gap-2">
          <input
            id="new-sequence-name"
            ref={nameRef}
            value={name}
            onChange={(event) => setName(event.target.value)}
            maxLength={100}
            placeholder="Name, e.g. Opening scene"
            className="min-w-0 flex-1 rounded-lg border border-ink-600 bg-ink-950 px-3 py-2 text-sm text-ink-200"
          />
          <button
            type="submit"
            disabled={!shot || !name.trim() || add.isPending}
            className="rounded-lg bg-accent-500 px-3 py-2 text-sm font-semibold text-ink-950 hover:bg-accent-400 disabled:opacity-40"
          >
            Create
          </button>
        </div>
      </form>
      {add.isError && (
        <p role="alert" className="text-sm text-red-300">
          {`Not added: ${add.error.message}`}
        </p>
      )}
      <div className="flex justify-end">
        <CancelButton onClick={onCancel} />
      </div>
    </SmallDialog>
  )
}
