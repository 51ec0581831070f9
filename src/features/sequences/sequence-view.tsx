import { useState } from 'react'
import type { Catalog } from '@/catalog/catalog-schema'
import type { Relation } from '@/catalog/render-contract'
import type { VideoInput } from '@/catalog/request-schema'
import type { Shot } from '@/catalog/sequence-contract'
import { formatClipTime } from '@/components/format-time'
import { Modal } from '@/components/modal'
import { ToastSlot } from '@/components/toast'
import { useToast } from '@/features/gallery/use-toast'
import { posterOf } from '@/features/renders/poster'
import { videoUrlOf } from '@/features/renders/render-record'
import { ContinueFromFrame, ContinueFromFrameButton } from './continue-from-frame'
import { SequencePlayer } from './sequence-player'
import { ShotCard } from './shot-card'
import { ShotEditor } from './shot-editor'
import { moveShot, removeShot, restoreShot } from './shot-edits'
import { CutCheck } from './cut-check'
import { ExportPanel } from './export-panel'
import { globalTimeOf, runningTimeMs } from './timeline'
import { useSequence, useTakes } from './use-sequence'
import { useSequencePlayback, type Clip } from './use-sequence-playback'

interface SequenceViewProps {
  id: string
  catalog: Catalog
  onClose: () => void
  /** Makes a review link to the sequence. */
  onShare: (id: string) => void
  /** Loads the composer with the next shot's input (Continue from frame…), closing the sequence. */
  onUse: (input: VideoInput, parentId: string, relation: Relation) => void
}

/** A sequence up close: its shots in order to arrange, trim and choose takes for, played through as one film. */
export default function SequenceView({ id, catalog, onClose, onShare, onUse }: SequenceViewProps) {
  const { sequence, save, notice, latest } = useSequence(id)
  const shots = sequence.data?.shots ?? []
  const takes = useTakes(shots.flatMap((shot) => shot.takeIds))
  const modelOf = (modelId: string) => catalog.models.find((m) => m.id === modelId)
  const clips: Clip[] = shots.flatMap((shot) => {
    const take = takes.get(shot.activeTakeId)
    const url = take && videoUrlOf(take)
    return url ? [{ url, inMs: shot.inMs, outMs: shot.outMs }] : []
  })
  // Until every active take is known the player waits, so its timeline is the strip's.
  const playback = useSequencePlayback(clips.length === shots.length ? clips : [])
  const { toast, show, dismiss } = useToast()
  const [picked, setPicked] = useState<string>()
  const [continueFrom, setContinueFrom] = useState<string>()
  const selectedIndex = Math.max(0, picked ? shots.findIndex((s) => s.id === picked) : playback.shotIndex)
  const selected = shots[selectedIndex]

  const edit = (next: Shot[]) => save({ shots: next })
  /** Moves a shot from where it is in the list as shown by now (an earlier move may not have rendered yet). */
  const move = (shotId: string, to: (from: number, now: readonly Shot[]) => number) => {
    const now = latest()?.shots ?? shots
    const from = now.findIndex((s) => s.id === shotId)
    const target = from < 0 ? from : to(from, now)
    if (from >= 0 && target !== from && target >= 0 && target < now.length) edit(moveShot(now, from, target))
  }
  const remove = (index: number) => {
    const shot = shots[index]!
    edit(removeShot(shots, index))
    show({
      message: `Removed shot ${index + 1}`,
      undo: () => {
        dismiss()
        // Put back into the list as it is by then (another edit may have come in).
        save({ shots: restoreShot(latest()?.shots ?? [], shot, index) })
      },
    })
  }
  const credits = shots.reduce((sum, shot) => sum + (takes.get(shot.activeTakeId)?.billableCredits ?? 0), 0)
  const first = shots[0] && takes.get(shots[0].activeTakeId)

  return (
    <Modal label={sequence.data?.name ?? 'Sequence'} onClose={onClose}>
      <section aria-label="Sequence" className="flex flex-col gap-4">
        {sequence.isPending && <p className="text-sm text-ink-400">Loading the sequence…</p>}
        {sequence.isError && (
          <p
            role="alert"
            className="text-sm text-red-300"
          >{`Could not load the sequence: ${sequence.error.message}`}</p>
        )}
        {notice && (
          <p role="alert" className="rounded-md bg-amber-950/60 px-3 py-2 text-sm text-amber-100">
            {notice}
          </p>
        )}
        {sequence.data && (
          <>
            <div className="flex flex-wrap items-end justify-between gap-3">
              <NameField
                key={`${sequence.data.version}-${sequence.data.name}`}
                name={sequence.data.name}
                onRename={(name) => save({ name })}
              />
              <p role="status" className="text-sm text-ink-300 tabular-nums">
                {`${shots.length} shot${shots.length === 1 ? '' : 's'} · ${formatClipTime(runningTimeMs(shots) / 1000)} · ${credits} credits`}
              </p>
              {shots.length > 0 && (
                <button
                  type="button"
                  onClick={() => onShare(sequence.data.id)}
                  className="rounded-md border border-ink-600 px-3 py-1.5 text-sm text-ink-100 hover:bg-ink-800"
                >
                  Share
                </button>
              )}
            </div>
            {shots.length === 0 ? (
              <p className="text-sm text-ink-400">No shots yet: add takes from the gallery with Add to sequence.</p>
            ) : (
              <>
                <SequencePlayer playback={playback} poster={first && posterOf(first)} />
                <ExportPanel sequenceId={sequence.data.id} />
                <ol aria-label="Shots" className="flex gap-2 overflow-x-auto pb-2">
                  {shots.map((shot, index) => {
                    const take = takes.get(shot.activeTakeId)
                    return (
                      <ShotCard
                        key={shot.id}
                        shot={shot}
                        index={index}
                        count={shots.length}
                        take={take}
                        modelName={take ? (modelOf(take.input.model)?.name ?? take.input.model) : '…'}
                        selected={index === selectedIndex}
                        onSelect={() => {
                          setPicked(shot.id)
                          playback.seek(globalTimeOf(shots, index, shot.inMs))
                        }}
                        onMoveBy={(by) => move(shot.id, (from) => from + by)}
                        onDropShot={(dragged) => move(dragged, (_, now) => now.findIndex((s) => s.id === shot.id))}
                        onRemove={() => remove(index)}
                      />
                    )
                  })}
                </ol>
                <CutCheck shots={shots} takes={takes} onContinueFrom={(index) => setContinueFrom(shots[index]?.id)} />
                {selected && (
                  <ShotEditor
                    shot={selected}
                    index={selectedIndex}
                    takes={takes}
                    modelOf={modelOf}
                    playheadMs={() => {
                      const at = playback.at()
                      return at?.index === selectedIndex ? at.localMs : undefined
                    }}
                    onChange={(shot) => edit(shots.map((s) => (s.id === shot.id ? shot : s)))}
                  >
                    <ContinueFromFrameButton
                      take={takes.get(selected.activeTakeId)}
                      onOpen={() => setContinueFrom(selected.id)}
                    />
                  </ShotEditor>
                )}
                {continueFrom && (
                  <ContinueFromFrame
                    shots={shots}
                    takes={takes}
                    shotId={continueFrom}
                    models={catalog.models}
                    onUse={onUse}
                    onClose={() => setContinueFrom(undefined)}
                  />
                )}
              </>
            )}
          </>
        )}
      </section>
      <ToastSlot toast={toast} onDismiss={dismiss} />
    </Modal>
  )
}

function NameField({ name, onRename }: { name: string; onRename: (name: string) => void }) {
  const [draft, setDraft] = useState(name)
  const commit = () => {
    const trimmed = draft.trim()
    if (trimmed && trimmed !== name) onRename(trimmed)
    else setDraft(name)
  }
  return (
    <label className="flex min-w-0 flex-1 basis-64 flex-col gap-1 text-xs font-medium text-ink-400">
      Sequence name
      <input
        value={draft}
        maxLength={100}
        onChange={(event) => setDraft(event.target.value)}
        onBlur={commit}
        onKeyDown={(event) => {
          if (event.key === 'Enter') commit()
        }}
        className="rounded-lg border border-ink-600 bg-ink-950 px-3 py-2 text-base font-semibold text-ink-100"
      />
    </label>
  )
}
