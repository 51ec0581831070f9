import { useState } from 'react'
import type { Model } from '@/catalog/catalog-schema'
import type { Relation } from '@/catalog/render-contract'
import type { VideoInput } from '@/catalog/request-schema'
import type { RenderRecord } from '@/features/renders/render-record'
import { frameHandoffInput } from './frame-handoff'

interface LastFrameButtonProps {
  record: RenderRecord
  /** The take on the studio's own origin (its kept copy): the only kind a canvas may read. */
  sameOriginUrl: string
  models: readonly Model[]
  className: string
  onUse: (input: VideoInput, parentId: string, relation: Relation) => void
}

/** Chains shots: the take's final frame, uploaded as a PNG, becomes the first frame of a new render. */
export function LastFrameButton({ record, sameOriginUrl, models, className, onUse }: LastFrameButtonProps) {
  const [working, setWorking] = useState(false)
  const [problem, setProblem] = useState<string>()
  const use = async () => {
    setWorking(true)
    setProblem(undefined)
    try {
      onUse(await frameHandoffInput(record, sameOriginUrl, models), record.localId, 'last-frame')
    } catch (error) {
      setProblem(error instanceof Error ? error.message : 'The last frame could not be used')
    } finally {
      setWorking(false)
    }
  }
  return (
    <>
      <button type="button" className={className} onClick={() => void use()} disabled={working}>
        {working ? 'Grabbing the last frame…' : 'Use last frame'}
      </button>
      {problem && (
        <span role="alert" className="self-center text-xs text-red-300">
          {problem}
        </span>
      )}
    </>
  )
}
