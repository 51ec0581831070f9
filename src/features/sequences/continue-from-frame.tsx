import { useState } from 'react'
import type { Model } from '@/catalog/catalog-schema'
import type { Relation } from '@/catalog/render-contract'
import type { VideoInput } from '@/catalog/request-schema'
import type { Shot } from '@/catalog/sequence-contract'
import type { RenderRecord } from '@/features/renders/render-record'
import { FramePicker } from './frame-picker'

interface ContinueFromFrameProps {
  take: RenderRecord | undefined
  shot: Shot
  shotNumber: number
  models: readonly Model[]
  onUse: (input: VideoInput, parentId: string, relation: Relation) => void
}

const buttonClass =
  'rounded-md border border-ink-600 px-2 py-1 text-sm text-ink-200 hover:bg-ink-800 disabled:opacity-40'

/** `Continue from frame…`: the next shot starts from a frame the creative picks near this shot's end. */
export function ContinueFromFrame({ take, shot, shotNumber, models, onUse }: ContinueFromFrameProps) {
  const [open, setOpen] = useState(false)
  const url = take?.keptVideoUrl
  return (
    <>
      <button
        type="button"
        className={buttonClass}
        disabled={!url}
        title={url ? 'Pick the frame the next shot starts from' : 'The studio has no copy of this take yet'}
        onClick={() => setOpen(true)}
      >
        Continue from frame…
      </button>
      {open && take && url && (
        <FramePicker
          take={take}
          url={url}
          shot={shot}
          shotNumber={shotNumber}
          models={models}
          onUse={onUse}
          onClose={() => setOpen(false)}
        />
      )}
    </>
  )
}
