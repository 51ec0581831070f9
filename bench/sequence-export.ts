import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { encodeMp4 } from '../src/server/sequence-export/encode-mp4'
import { probeFile } from '../src/server/sequence-export/probe'
import { handMadeCut, makeClip, type ClipSpec } from '../src/server/sequence-export/test-clips'

export interface SequenceExportFigures {
  runningSeconds: number
  exportSeconds: number
  /** Time to export over the running time of the cut: under 1 is faster than real time. */
  ratio: number
}

const SHOTS: ClipSpec[] = [
  { source: 'testsrc', width: 1280, height: 720, fps: 30, seconds: 5, toneHz: 440 },
  { source: 'mandelbrot', width: 1280, height: 720, fps: 30, seconds: 5 },
  { source: 'testsrc', width: 1280, height: 720, fps: 24, seconds: 5, toneHz: 660 },
]

/** Exports a 3 × 5 s 720p sequence (one shot silent, one at another rate) to MP4 with the studio's encoder. */
export async function measureSequenceExport(): Promise<SequenceExportFigures> {
  const dir = await mkdtemp(join(tmpdir(), 'bench-export-'))
  try {
    const shots = await Promise.all(
      SHOTS.map(async (spec, i) => {
        const file = await makeClip(dir, `shot-${i}.mp4`, spec)
        const probe = await probeFile(file)
        return { takeId: `shot-${i}`, name: `shot-${i}`, model: 'bench', file, url: '', ...probe, inMs: 0, outMs: 5000 }
      }),
    )
    const started = performance.now()
    await encodeMp4(handMadeCut(shots), join(dir, 'cut.mp4'))
    const exportSeconds = (performance.now() - started) / 1000
    const runningSeconds = SHOTS.length * 5
    const round2 = (n: number) => Math.round(n * 100) / 100
    return { runningSeconds, exportSeconds: round2(exportSeconds), ratio: round2(exportSeconds / runningSeconds) }
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}
