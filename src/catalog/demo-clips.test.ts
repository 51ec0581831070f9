import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { DEMO_ASPECT_RATIOS, DEMO_CLIP_SECONDS, DEMO_CLIPS, DEMO_FLAWED_CLIPS, demoPosterPath } from './demo-clips'

const DEMO_DIR = new URL('../../public/demo', import.meta.url).pathname
const fileOf = (path: string) => join(DEMO_DIR, path.replace(/^\/demo\//, ''))

/** An MP4's length in seconds, from its movie header box (mvhd). */
function mp4Seconds(bytes: Buffer): number {
  const box = bytes.indexOf('mvhd')
  if (box < 0) throw new Error('no mvhd box')
  const version = bytes.readUInt8(box + 4)
  return version === 0
    ? bytes.readUInt32BE(box + 20) / bytes.readUInt32BE(box + 16)
    : Number(bytes.readBigUInt64BE(box + 28)) / bytes.readUInt32BE(box + 24)
}

describe('the demo clips', () => {
  it('cover every ratio at every length in three looks', () => {
    for (const ratio of DEMO_ASPECT_RATIOS) {
      for (const seconds of DEMO_CLIP_SECONDS) {
        const looks = DEMO_CLIPS.filter((c) => c.aspectRatio === ratio && c.seconds === seconds).map((c) => c.look)
        expect(new Set(looks).size).toBe(3)
      }
    }
  })

  it('are the files in public/demo, each with its poster and exactly its length', () => {
    for (const clip of DEMO_CLIPS) {
      expect(mp4Seconds(readFileSync(fileOf(clip.path))), clip.path).toBeCloseTo(clip.seconds, 1)
      expect(readFileSync(fileOf(demoPosterPath(clip))).subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]))
    }
  })

  it('include the flawed takes of the quality faults, each with its poster (the gallery shows it) and its length', () => {
    for (const clip of Object.values(DEMO_FLAWED_CLIPS)) {
      expect(mp4Seconds(readFileSync(fileOf(clip.path))), clip.path).toBeCloseTo(clip.seconds, 1)
      expect(readFileSync(fileOf(demoPosterPath(clip))).subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]))
    }
  })

  it('leave nothing unlisted in public/demo', () => {
    const flawed = Object.values(DEMO_FLAWED_CLIPS).flatMap((c) => [c.path, demoPosterPath(c)])
    const listed = new Set(
      [...DEMO_CLIPS.flatMap((c) => [c.path, demoPosterPath(c)]), ...flawed].map((p) => p.split('/').pop()),
    )
    const stray = readdirSync(DEMO_DIR).filter((name) => !listed.has(name) && name !== 'tone.mp3')
    expect(stray).toEqual([])
  })
})
