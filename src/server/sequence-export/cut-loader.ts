import type { Me } from '@/catalog/credits-contract'
import type { Database } from '@/ledger/database'
import { getRender } from '@/ledger/render-store'
import type { MediaStore } from '@/media/media-store'
import type { LoadCut, SequenceShape } from './cut'
import { resolveCut } from './resolve-cut'

export interface CutLoaderOptions {
  /** The sequence by id, as `who` may see it (the sequences store); undefined when there is none. */
  getSequence(sequenceId: string, who: Me): Promise<SequenceShape | undefined>
  db: Database
  store: MediaStore
  /** Where copies of takes kept in S3 are downloaded while an export reads them (the exports' temp area). */
  tempDir: string
}

/** The routes' loadCut: the sequence from its store, its takes from the ledger, their kept copies from the store. */
export function createCutLoader({ getSequence, db, store, tempDir }: CutLoaderOptions): LoadCut {
  return async (sequenceId, who) => {
    const sequence = await getSequence(sequenceId, who)
    return sequence && resolveCut(sequence, { getTake: (id) => getRender(db, id), store, tempDir })
  }
}
