import type { Catalog } from '@/catalog/catalog-schema'
import type { Render } from '@/catalog/render-contract'
import { sourceClipSlot, type ContinueClipRequest } from '@/catalog/sequence-contract'
import { parseMediaName } from '@/media/media-types'
import { clipFrames, type ClipFrames } from './sequence-export/cut-clip'
import type { Probe } from './sequence-export/probe'

export interface ClipRefusal {
  status: 400 | 404 | 409 | 422
  code: string
  message: string
  field?: string
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(3)} s`

/**
 * What Continue the clip needs before it reads the take: a model that continues clips (its source clip's
 * limits), and a finished take the studio kept (the kept copy's name in the media store). Else why not.
 */
export function clipSource(request: ContinueClipRequest, catalog: Catalog, take: Render | undefined) {
  const model = catalog.models.find((m) => m.id === request.model)
  const slot = sourceClipSlot(model)
  const refuse = (refusal: ClipRefusal) => ({ refusal })
  if (!model || !slot)
    return refuse({
      status: 400,
      code: 'not_a_continuation',
      message: `${request.model} does not continue a clip`,
      field: 'model',
    })
  if (!take || take.deleted) return refuse({ status: 404, code: 'not_found', message: 'No such take' })
  if (take.status !== 'succeeded')
    return refuse({ status: 409, code: 'take_not_finished', message: `The take has not finished (${take.status})` })
  const kept = take.keptVideoUrl ? parseMediaName(take.keptVideoUrl.split('/').pop() ?? '') : undefined
  if (!kept) return refuse(notKept())
  return { model, slot, kept }
}

export const notKept = (): ClipRefusal => ({
  status: 409,
  code: 'take_not_kept',
  message: 'The studio has no copy of this take yet; try again shortly',
})

/** The frames to cut for a time in the take (see clipFrames), or why that time makes no clip the model takes. */
export function clipWithin(
  take: Pick<Probe, 'fps' | 'durationMs'>,
  atMs: number,
  { model, slot }: Exclude<ReturnType<typeof clipSource>, { refusal: ClipRefusal }>,
): { frames: ClipFrames } | { refusal: ClipRefusal } {
  if (atMs >= take.durationMs)
    return {
      refusal: {
        status: 422,
        code: 'past_the_end',
        message: `${seconds(atMs)} is past the end of the take (${seconds(take.durationMs)})`,
        field: 'atMs',
      },
    }
  const frames = clipFrames(take, atMs, slot.maxSeconds)
  const lengthMs = frames.endMs - frames.startMs
  if (slot.minSeconds !== undefined && lengthMs < slot.minSeconds * 1000)
    return {
      refusal: {
        status: 422,
        code: 'clip_too_short',
        message: `The clip up to ${seconds(frames.endMs)} would be ${seconds(lengthMs)}; ${model.name} continues clips of at least ${slot.minSeconds} s: pick a later frame`,
        field: 'atMs',
      },
    }
  return { frames }
}
