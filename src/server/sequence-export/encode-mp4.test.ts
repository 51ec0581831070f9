import { mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe as group, expect, it } from 'vitest'
import type { CutShot } from './cut'
import { encodeMp4 } from './encode-mp4'
import { probeFile } from './probe'
import { describe, handMadeCut, makeClip, pixelAt, type ClipSpec } from './test-clips'

const near = (rgb: number[], expected: number[]) => rgb.every((value, i) => Math.abs(value - (expected[i] ?? 0)) < 40)

group('the MP4 export (real ffmpeg)', () => {
  let dir: string
  let shots: CutShot[]

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'encode-mp4-'))
    const specs: [string, ClipSpec, number, number][] = [
      ['red.mp4', { source: 'color=c=red', width: 320, height: 180, fps: 25, seconds: 1, toneHz: 440 }, 200, 1000],
      ['green.mp4', { source: 'color=c=lime', width: 320, height: 180, fps: 25, seconds: 1 }, 0, 1000],
      ['blue.mp4', { source: 'color=c=blue', width: 180, height: 320, fps: 30, seconds: 1, toneHz: 880 }, 100, 800],
    ]
    shots = await Promise.all(
      specs.map(async ([name, spec, inMs, outMs]) => {
        const file = await makeClip(dir, name, spec)
        return {
          takeId: name,
          name,
          model: 'seedance2',
          inMs,
          outMs,
          file,
          url: `/media/${name}`,
          ...(await probeFile(file)),
        }
      }),
    )
  })
  afterAll(() => rm(dir, { recursive: true, force: true }))

  it('makes one H.264/AAC MP4 as long as the trimmed shots, letterboxing the shot of another shape', async () => {
    const output = join(dir, 'cut.mp4')
    const progress: number[] = []
    const canvas = await encodeMp4(handMadeCut(shots), output, { onProgress: (p) => progress.push(p) })
    expect(canvas).toEqual({ width: 320, height: 180, fps: { num: 25, den: 1 } })

    const info = await describe(output)
    expect(info).toMatch(/Stream #0:\d.*: Video: h264 .*, 320x180/)
    expect(info).toMatch(/Stream #0:\d.*: Audio: aac .*48000 Hz, stereo/)
    const { durationMs } = await probeFile(output)
    const trimmedMs = 800 + 1000 + 700
    expect(Math.abs(durationMs - trimmedMs)).toBeLessThanOrEqual(shots.length * 40)
    expect(progress.at(-1)).toBe(1)
    expect(progress).toEqual([...progress].sort((a, b) => a - b))

    // Red from its in point, green with silence, then blue pillarboxed: black at the pad, blue in the middle.
    expect(near(await pixelAt(output, 0.2, 160, 90), [255, 0, 0])).toBe(true)
    expect(near(await pixelAt(output, 1.3, 160, 90), [0, 255, 0])).toBe(true)
    expect(near(await pixelAt(output, 2.2, 160, 90), [0, 0, 255])).toBe(true)
    expect(near(await pixelAt(output, 2.2, 5, 90), [0, 0, 0])).toBe(true)
    expect(near(await pixelAt(output, 0.2, 5, 90), [255, 0, 0])).toBe(true)
  })

  it('stops at once when cancelled and leaves no file behind', async () => {
    const output = join(dir, 'cancelled.mp4')
    const controller = new AbortController()
    const encoding = encodeMp4(handMadeCut(shots), output, { signal: controller.signal })
    setTimeout(() => controller.abort(), 30)
    await expect(encoding).rejects.toMatchObject({ name: 'AbortError' })
    expect(await readdir(dir)).not.toContain('cancelled.mp4')
  })

  it('fails with ffmpeg’s reason when a take cannot be read, leaving no file', async () => {
    const output = join(dir, 'broken.mp4')
    const broken = [{ ...shots[0]!, file: join(dir, 'missing.mp4') }]
    await expect(encodeMp4(handMadeCut(broken), output)).rejects.toThrow(/The MP4 could not be made: .*missing\.mp4/)
    expect(await readdir(dir)).not.toContain('broken.mp4')
  })
})
