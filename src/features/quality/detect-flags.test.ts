import { describe, expect, it } from 'vitest'
import { MAX_FLAGS } from '@/catalog/quality-contract'
import { detectFlags, type SampledFrame, type TakeSample } from './detect-flags'

const PIXELS = 32 * 18
const STEP_MS = 250

/** A moving picture: a bright bar that moves a few pixels each frame, over a mid-grey ground. */
const moving = (i: number) => Array.from({ length: PIXELS }, (_, p) => ((p + i * 3) % 32 < 6 ? 220 : 90))
const still = () => moving(0)
const black = () => Array.from({ length: PIXELS }, (_, p) => (p === 7 ? 200 : 6))

function take(seconds: number, frameAt: (i: number) => number[], extra: Partial<TakeSample> = {}): TakeSample {
  const frames: SampledFrame[] = Array.from({ length: (seconds * 1000) / STEP_MS }, (_, i) => ({
    atMs: i * STEP_MS + STEP_MS / 2,
    luma: frameAt(i),
  }))
  return { frames, durationMs: seconds * 1000, width: 448, height: 252, ...extra }
}

const ask = { durationSeconds: 4, aspectRatio: '16:9' }
const sound = (levels: number[]) => ({ present: true, windowMs: 100, rms: levels })

describe('the quality checks', () => {
  it('keep at most what the ledger takes, whole-take flags included, for a take that flickers', () => {
    const flags = detectFlags(
      take(60, (i) => (i % 4 < 2 ? black() : moving(i))),
      ask,
    )
    expect(flags).toHaveLength(MAX_FLAGS)
    expect(flags.at(-1)).toMatchObject({ kind: 'duration' })
  })

  it('find nothing in a good take', () => {
    expect(detectFlags(take(4, moving), ask)).toEqual([])
    expect(detectFlags(take(4, moving, { sound: sound(Array(40).fill(0.2)) }), ask)).toEqual([])
  })

  it('flag a black stretch with where it starts, and a black take as black throughout', () => {
    const flags = detectFlags(
      take(4, (i) => (i >= 4 && i < 10 ? black() : moving(i))),
      ask,
    )
    expect(flags).toEqual([{ kind: 'black', atMs: 1125, detail: 'black for 1.5 s' }])
    expect(detectFlags(take(4, black), ask)).toEqual([{ kind: 'black', atMs: 125, detail: 'black throughout' }])
  })

  it('let a single dark frame pass (a cut), but not half a second of them', () => {
    expect(
      detectFlags(
        take(4, (i) => (i === 5 ? black() : moving(i))),
        ask,
      ),
    ).toEqual([])
    expect(
      detectFlags(
        take(4, (i) => (i === 5 || i === 6 ? black() : moving(i))),
        ask,
      ),
    ).toHaveLength(1)
  })

  it('flag a picture that stays the same for more than a second, not for one second', () => {
    const frozen = detectFlags(
      take(4, (i) => (i >= 4 && i <= 9 ? still() : moving(i))),
      ask,
    )
    expect(frozen).toEqual([{ kind: 'frozen', atMs: 1125, detail: 'frozen for 1.3 s' }])
    expect(
      detectFlags(
        take(4, (i) => (i >= 4 && i <= 8 ? still() : moving(i))),
        ask,
      ),
    ).toEqual([])
    // Compression noise on a still picture is still a still picture.
    const noisy = (i: number) => still().map((v, p) => v + ((p + i) % 3 === 0 ? 1 : 0))
    expect(detectFlags(take(4, noisy), ask).map((f) => f.kind)).toEqual(['frozen'])
  })

  it('flag a take more than half a second off the asked length, or of another shape', () => {
    expect(detectFlags(take(4.5, moving), ask)).toEqual([])
    expect(detectFlags(take(3, moving), ask)).toEqual([{ kind: 'duration', detail: '3.0 s long, asked for 4 s' }])
    expect(detectFlags(take(4, moving, { width: 336, height: 336 }), ask)).toEqual([
      { kind: 'ratio', detail: '336×336, asked for 16:9' },
    ])
    expect(detectFlags(take(4, moving, { width: 560, height: 240 }), { aspectRatio: '21:9' })).toEqual([])
    expect(detectFlags(take(3, moving, { width: 1, height: 1 }), {})).toEqual([])
  })

  it('flag silence where sound was asked for: no track, all quiet, or a long quiet stretch', () => {
    expect(detectFlags(take(4, moving, { sound: { present: false, windowMs: 100, rms: [] } }), ask)).toEqual([
      { kind: 'silence', atMs: 0, detail: 'no sound track, though sound was asked for' },
    ])
    expect(detectFlags(take(4, moving, { sound: sound(Array(40).fill(0.0001)) }), ask)).toEqual([
      { kind: 'silence', atMs: 0, detail: 'silent throughout' },
    ])
    const gap = Array.from({ length: 80 }, (_, i) => (i >= 20 && i < 55 ? 0 : 0.3))
    expect(detectFlags(take(4, moving, { sound: sound(gap) }), ask)).toEqual([
      { kind: 'silence', atMs: 2000, detail: 'silent for 3.5 s' },
    ])
    const pause = Array.from({ length: 80 }, (_, i) => (i >= 20 && i < 40 ? 0 : 0.3))
    expect(detectFlags(take(4, moving, { sound: sound(pause) }), ask)).toEqual([])
  })
})
