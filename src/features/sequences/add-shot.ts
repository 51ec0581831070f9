import type { Model } from '@/catalog/catalog-schema'
import { takeLengthMs, type Sequence, type Shot } from '@/catalog/sequence-contract'
import { ApiError } from '@/lib/bff-client'
import type { RenderRecord } from '@/features/renders/render-record'
import { sequenceClient } from './sequence-client'

/** A new shot holding one take, played whole; undefined when the take's length is not known. */
export function shotOf(record: RenderRecord, model: Model | undefined): Shot | undefined {
  const outMs = takeLengthMs(record, model)
  if (outMs === undefined) return undefined
  return { id: crypto.randomUUID(), takeIds: [record.localId], activeTakeId: record.localId, inMs: 0, outMs }
}

/**
 * Appends `shot` to the sequence as the server has it now. Adding at the end changes none of what another
 * browser edited, so when the sequence changed meanwhile (409) it is read again and the shot added to that
 * version: never an overwrite. Gives up after a few such races.
 */
export async function appendShot(id: string, shot: Shot, attempts = 3): Promise<Sequence> {
  const current = await sequenceClient.get(id)
  try {
    return await sequenceClient.patch(id, { version: current.version, shots: [...current.shots, shot] })
  } catch (error) {
    if (error instanceof ApiError && error.status === 409 && error.code === 'stale_version' && attempts > 1)
      return appendShot(id, shot, attempts - 1)
    throw error
  }
}
