import { readFile, rm } from 'node:fs/promises'
import { join } from 'node:path'
import type { Cut, CutShot } from './cut'
import { runFfmpeg } from './ffmpeg'

/*
 * For tests and the bench: clips made with the studio's own ffmpeg (a synthetic picture, a tone when asked),
 * frames read back as RGB, and hand-made cuts.
 */

export interface ClipSpec {
  /** An ffmpeg lavfi video source and its options, e.g. `color=c=red`, `testsrc` or `mandelbrot`. */
  source: string
  width: number
  height: number
  fps: number | string
  seconds: number
  /** A sine tone at this pitch; no audio stream when absent. */
  toneHz?: number
}

async function ffmpeg(args: string[]) {
  const { code, stderr } = await runFfmpeg(['-loglevel', 'error', '-y', ...args]).done
  if (code !== 0) throw new Error(`ffmpeg failed: ${stderr}`)
}

export async function makeClip(dir: string, name: string, spec: ClipSpec): Promise<string> {
  const path = join(dir, name)
  const { source, width, height, fps, seconds, toneHz } = spec
  const options = `size=${width}x${height}:rate=${fps}`
  const picture = ['-f', 'lavfi', '-i', `${source}${source.includes('=') ? ':' : '='}${options}`]
  const tone = toneHz ? ['-f', 'lavfi', '-i', `sine=frequency=${toneHz}`, '-c:a', 'aac'] : []
  const video = ['-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p']
  await ffmpeg([...picture, ...tone, ...video, '-t', String(seconds), path])
  return path
}

/** The colour at (x, y) of the frame shown at `seconds`, as [r, g, b]. */
export async function pixelAt(file: string, seconds: number, x: number, y: number): Promise<number[]> {
  const out = `${file}.${seconds}-${x}-${y}.ppm`
  await ffmpeg(['-ss', String(seconds), '-i', file, '-frames:v', '1', '-vf', `format=rgb24,crop=1:1:${x}:${y}`, out])
  const bytes = await readFile(out)
  await rm(out)
  return [...bytes.subarray(bytes.length - 3)]
}

/** What `ffmpeg -i` says of a file (its streams and duration). */
export async function describe(file: string): Promise<string> {
  return (await runFfmpeg(['-i', file]).done).stderr
}

export function handMadeCut(shots: CutShot[], name = 'Night market'): Cut & { released: () => number } {
  let released = 0
  return {
    sequenceId: 'seq-1',
    name,
    version: 3,
    shots,
    release: async () => void released++,
    released: () => released,
  }
}
