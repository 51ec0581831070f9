import { join } from 'node:path'
import { createCutLoader, type CutLoaderOptions } from './cut-loader'
import { openExportRunner } from './export-jobs'

/** The exports' temp area in the data dir: MP4s waiting to be downloaded, and S3 takes copied for an encode. */
export const exportsDir = (dataDir: string) => join(dataDir, 'tmp', 'exports')

/**
 * What the BFF's `sequenceExports` option needs, from the studio's data dir, ledger, media store and the sequences
 * store's `getSequence`. Call `runner.close()` when the studio shuts down (it stops a running encode).
 */
export async function openSequenceExports(options: Omit<CutLoaderOptions, 'tempDir'> & { dataDir: string }) {
  const dir = exportsDir(options.dataDir)
  return { runner: await openExportRunner({ dir }), loadCut: createCutLoader({ ...options, tempDir: dir }) }
}
