import type { Catalog } from '@/catalog/catalog-schema'
import type { Render } from '@/catalog/render-contract'
import { shotListProblem, takeLengthMs, type Shot } from '@/catalog/sequence-contract'

export interface ShotsRefusal {
  status: 400 | 409
  code: string
  message: string
  field: string
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`

/**
 * Why a shot list cannot be kept, or undefined when it can: its fields disagree, or a take is not in the ledger
 * (`takes`, by id), has not succeeded, or is shorter than the active take's out point.
 */
export function shotsRefusal(
  shots: readonly Shot[],
  takes: ReadonlyMap<string, Render>,
  catalog: Catalog,
): ShotsRefusal | undefined {
  const problem = shotListProblem(shots)
  if (problem) return { status: 400, code: 'invalid_shots', ...problem }
  for (const [i, shot] of shots.entries()) {
    for (const [t, id] of shot.takeIds.entries()) {
      const take = takes.get(id)
      const field = `shots.${i}.takeIds.${t}`
      if (!take)
        return {
          status: 400,
          code: 'unknown_take',
          message: `Shot ${i + 1}: no take ${id} in the gallery`,
          field,
        }
      if (take.status !== 'succeeded')
        return {
          status: 409,
          code: 'take_not_finished',
          message: `Shot ${i + 1}: take ${id} has not finished (it is ${take.status}); add it once it has succeeded`,
          field,
        }
    }
    const active = takes.get(shot.activeTakeId)!
    const lengthMs = takeLengthMs(
      active,
      catalog.models.find((m) => m.id === active.input.model),
    )
    if (lengthMs !== undefined && shot.outMs > lengthMs)
      return {
        status: 400,
        code: 'trim_past_end',
        message: `Shot ${i + 1}: the out point (${seconds(shot.outMs)}) is past the end of its take (${seconds(lengthMs)})`,
        field: `shots.${i}.outMs`,
      }
  }
  return undefined
}
