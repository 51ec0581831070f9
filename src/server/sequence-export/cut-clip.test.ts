import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { clipFrames, cutClip } from './cut-clip'
import { runFfmpeg } from './ffmpeg'
import { probeFile } from './probe'
import { makeClip } from './test-clips'

let dir: string
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cut-clip-'))
})
afterAll(() => rm(dir, { recursive: true, force: true }))

/** Frame `n` of a file (counted from its first), in grey levels. */
async function greyFrame(file: string, n: number): Promise<Buffer> {
  const out = `${file}.${n}.grey`
  const filter = `select=eq(n\\,${n}),format=gray`
  const { code, stderr } = await runFfmpeg([
    '-loglevel',
    'error',
    '-y',
    '-i',
    file,
    '-vf',
    filter,
    '-vsync',
    '0',
    '-frames:v',
    '1',
    '-f',
    'rawvideo',
    out,
  ]).done
  if (code !== 0) throw new Error(stderr)
  const bytes = await readFile(out)
  await rm(out)
  return bytes
}
const meanDifference = (a: Buffer, b: Buffer) =>
  a.reduce((sum, value, i) => sum + Math.abs(value - b[i]!), 0) / a.length

const at24 = { fps: { num: 24, den: 1 }, durationMs: 6000 }

it('holds the frames up to and including the one shown at the time, as far back as the longest clip', () => {
  // 4.8542 s is the middle of frame 116.
  expect(clipFrames(at24, 4854)).toEqual({ start: 0, end: 117, startMs: 0, endMs: 4875 })
  expect(clipFrames(at24, 4854, 2)).toEqual({ start: 69, end: 117, startMs: 2875, endMs: 4875 })
  expect(clipFrames(at24, 9000)).toMatchObject({ end: 144, endMs: 6000 })
  expect(clipFrames({ fps: { num: 30000, den: 1001 }, durationMs: 1000 }, 500).end).toBe(15)
})

it('cuts a take frame-exactly, its sound with it, ending on the picked frame', async () => {
  // A counter that shows each frame's number: the clip's last frame must be the picked one.
  const take = await makeClip(dir, 'take.mp4', {
    source: 'testsrc2',
    width: 160,
    height: 90,
    fps: 24,
    seconds: 3,
    toneHz: 440,
  })
  const probe = await probeFile(take)
  const frames = clipFrames(probe, Math.round(((60 + 0.5) / 24) * 1000), 2)
  expect(frames).toMatchObject({ start: 13, end: 61 })
  const out = join(dir, 'clip.mp4')
  await cutClip(take, probe, frames, out)
  const clip = await probeFile(out)
  expect(clip).toMatchObject({ width: 160, height: 90, hasAudio: true })
  expect(Math.abs(clip.durationMs - 2000)).toBeLessThanOrEqual(1000 / 24)
  // The clip's 48 frames are the take's frames 13 to 60, the picked one last.
  const last = await greyFrame(out, 47)
  expect(meanDifference(last, await greyFrame(take, 60))).toBeLessThan(2)
  expect(meanDifference(last, await greyFrame(take, 59))).toBeGreaterThan(5)
  expect(meanDifference(await greyFrame(out, 0), await greyFrame(take, 13))).toBeLessThan(2)
  expect(await greyFrame(out, 48)).toHaveLength(0)
})
