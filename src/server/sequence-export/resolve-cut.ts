import type { Render } from '@/catalog/render-contract'
import { takeFileName } from '@/catalog/take-name'
import type { MediaStore } from '@/media/media-store'
import { parseMediaName } from '@/media/media-types'
import { CutProblem, type Cut, type CutShot, type SequenceShape } from './cut'
import { probeFile, type Probe } from './probe'
import { takeFile, type TakeFile } from './take-files'

export interface CutSources {
  /** A render from the ledger by id (getRender). */
  getTake(id: string): Promise<Render | undefined>
  store: MediaStore
  /** Where copies of takes kept in S3 are downloaded while an export reads them. */
  tempDir: string
  probe?: (path: string) => Promise<Probe>
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(3).replace(/\.?0+$/, '')} s`

/**
 * Resolves a sequence into the cut an export reads: each shot's active take must have finished and been kept,
 * its kept copy is probed, and its in and out points must lie within it (one frame of slack at the end, where
 * a container's rounded length may fall short of the last frame). Throws CutProblem, leaving no download behind.
 */
export async function resolveCut(sequence: SequenceShape, sources: CutSources): Promise<Cut> {
  if (sequence.shots.length === 0) throw new CutProblem(422, 'empty_sequence', 'The sequence has no shots to export')
  const files: TakeFile[] = []
  const release = async () => {
    await Promise.all(files.map((file) => file.remove?.()))
  }
  try {
    const shots: CutShot[] = []
    for (const [index, shot] of sequence.shots.entries()) {
      const where = `Shot ${index + 1}`
      const take = await sources.getTake(shot.activeTakeId)
      if (!take || !shot.takeIds.includes(shot.activeTakeId))
        throw new CutProblem(422, 'unknown_take', `${where}: its active take ${shot.activeTakeId} is not in the studio`)
      if (take.deleted)
        throw new CutProblem(409, 'take_deleted', `${where}: its take was deleted from the gallery; choose another`)
      if (take.status !== 'succeeded')
        throw new CutProblem(409, 'take_not_finished', `${where}: its take has not finished (${take.status})`)
      const kept = take.keptVideoUrl ? parseMediaName(take.keptVideoUrl.split('/').pop() ?? '') : undefined
      const file = kept && (await takeFile(sources.store, kept.name, sources.tempDir))
      if (!kept || !file)
        throw new CutProblem(
          409,
          'take_not_kept',
          `${where}: the studio has no copy of its take yet; try again shortly`,
        )
      files.push(file)
      const probe = await (sources.probe ?? probeFile)(file.path).catch((error: unknown) => {
        throw new CutProblem(422, 'take_unreadable', `${where}: its take cannot be read (${String(error)})`)
      })
      const frameMs = (1000 * probe.fps.den) / probe.fps.num
      if (!(shot.inMs >= 0 && shot.inMs < shot.outMs && shot.outMs <= probe.durationMs + frameMs))
        throw new CutProblem(
          422,
          'trim_out_of_range',
          `${where}: in ${seconds(shot.inMs)} and out ${seconds(shot.outMs)} must lie within its take of ${seconds(probe.durationMs)}`,
        )
      shots.push({
        takeId: take.id,
        name: takeFileName(take, kept.ext),
        model: take.input.model,
        inMs: shot.inMs,
        outMs: Math.min(shot.outMs, probe.durationMs),
        file: file.path,
        url: await sources.store.urlFor(kept.name),
        ...probe,
      })
    }
    return { sequenceId: sequence.id, name: sequence.name, version: sequence.version, shots, release }
  } catch (error) {
    await release()
    throw error
  }
}
