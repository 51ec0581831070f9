import type { Model } from '@/catalog/catalog-schema'
import type { Relation } from '@/catalog/render-contract'
import type { VideoInput } from '@/catalog/request-schema'
import type { Shot } from '@/catalog/sequence-contract'
import type { RenderRecord } from '@/features/renders/render-record'
import { FramePicker } from './frame-picker'

const buttonClass =
  'rounded-md border border-ink-600 px-2 py-1 text-sm text-ink-200 hover:bg-ink-800 disabled:opacity-40'

/** `Continue from frame…` on a shot: open only once the studio has kept its take (a canvas reads only that). */
export function ContinueFromFrameButton({ take, onOpen }: { take: RenderRecord | undefined; onOpen: () => void }) {
  const kept = !!take?.keptVideoUrl
  return (
    <button
      type="button"
      className={buttonClass}
      disabled={!kept}
      title={kept ? 'Pick the frame the next shot starts from' : 'The studio has no copy of this take yet'}
      onClick={onOpen}
    >
      Continue from frame…
    </button>
  )
}

interface ContinueFromFrameProps {
  shots: readonly Shot[]
  takes: Map<string, RenderRecord>
  /** The shot to continue from (by id, so a reorder meanwhile keeps it). */
  shotId: string
  models: readonly Model[]
  onUse: (input: VideoInput, parentId: string, relation: Relation) => void
  onClose: () => void
}

/** The frame picker over a shot's active take, from the shot's editor or a cut that jumps. */
export function ContinueFromFrame({ shots, takes, shotId, models, onUse, onClose }: ContinueFromFrameProps) {
  const index = shots.findIndex((shot) => shot.id === shotId)
  const shot = shots[index]
  const take = shot && takes.get(shot.activeTakeId)
  if (!shot || !take?.keptVideoUrl) return null
  return (
    <FramePicker
      take={take}
      url={take.keptVideoUrl}
      shot={shot}
      shotNumber={index + 1}
      models={models}
      onUse={onUse}
      onClose={onClose}
    />
  )
}
