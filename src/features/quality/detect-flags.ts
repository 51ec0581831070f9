import { MAX_FLAGS, type QualityFlag } from '@/catalog/quality-contract'

/*
 * The checks of a sampled take, on plain numbers so that they run anywhere (and are tested on made-up frames):
 * frames as small grey images, the sound as loudness per window.
 */

export interface SampledFrame {
  atMs: number
  /** Brightness of each pixel, 0–255, of a small copy of the frame (e.g. 32×18). */
  luma: ArrayLike<number>
}

export interface SampledSound {
  /** False when the take has no sound track that could be read. */
  present: boolean
  windowMs: number
  /** Root-mean-square level of each window, 0–1. */
  rms: ArrayLike<number>
}

export interface TakeSample {
  frames: SampledFrame[]
  durationMs: number
  width: number
  height: number
  /** Read only when sound was asked for. */
  sound?: SampledSound
}

/** What the take was asked to be (the request's fields). */
export interface TakeAsk {
  durationSeconds?: number
  aspectRatio?: string
}

/** A frame is near-black when even its brighter pixels are this dark (of 255). */
const BLACK_LUMA = 24
const BLACK_MIN_MS = 500
/** Two frames are the same picture when their pixels differ by less than this on average (of 255). */
const FROZEN_MEAN_DIFF = 0.75
const FROZEN_MIN_MS = 1000
const DURATION_TOLERANCE_S = 0.5
const RATIO_TOLERANCE = 0.03
/** Quieter than -50 dBFS is silence. */
const SILENT_RMS = 10 ** (-50 / 20)
const SILENCE_MIN_MS = 3000

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`

/** The 95th-percentile brightness: a frame with a few bright specks is still black. */
function brightLevel(luma: ArrayLike<number>): number {
  const sorted = Array.from(luma).sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length * 0.95)] ?? 0
}

function meanDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let sum = 0
  const n = Math.min(a.length, b.length)
  for (let i = 0; i < n; i++) sum += Math.abs(a[i]! - b[i]!)
  return n ? sum / n : 0
}

/** The runs of consecutive indexes where `test` holds, as [first, last] pairs. */
function runs(count: number, test: (i: number) => boolean): [number, number][] {
  const found: [number, number][] = []
  for (let i = 0; i < count; i++) {
    if (!test(i)) continue
    const start = i
    while (i + 1 < count && test(i + 1)) i++
    found.push([start, i])
  }
  return found
}

/** The spacing of the samples (the span each one stands for). */
const stepOf = (frames: SampledFrame[], durationMs: number) =>
  frames.length > 1 ? frames[1]!.atMs - frames[0]!.atMs : durationMs

export function blackStretches(frames: SampledFrame[], durationMs: number): QualityFlag[] {
  const step = stepOf(frames, durationMs)
  const black = frames.map((f) => brightLevel(f.luma) < BLACK_LUMA)
  return runs(frames.length, (i) => black[i]!)
    .map(([first, last]) => ({ atMs: frames[first]!.atMs, lengthMs: frames[last]!.atMs - frames[first]!.atMs + step }))
    .filter((run) => run.lengthMs >= BLACK_MIN_MS)
    .map((run) => ({
      kind: 'black' as const,
      atMs: Math.round(run.atMs),
      detail: run.lengthMs >= durationMs - step ? 'black throughout' : `black for ${seconds(run.lengthMs)}`,
    }))
}

/** Stretches where the picture does not change for over a second (black stretches are flagged as black). */
export function frozenStretches(frames: SampledFrame[]): QualityFlag[] {
  const same = (i: number) => {
    const a = frames[i]!.luma
    const b = frames[i + 1]!.luma
    return meanDiff(a, b) < FROZEN_MEAN_DIFF && !(brightLevel(a) < BLACK_LUMA && brightLevel(b) < BLACK_LUMA)
  }
  return runs(Math.max(0, frames.length - 1), same)
    .map(([first, last]) => ({ atMs: frames[first]!.atMs, lengthMs: frames[last + 1]!.atMs - frames[first]!.atMs }))
    .filter((run) => run.lengthMs > FROZEN_MIN_MS)
    .map((run) => ({
      kind: 'frozen' as const,
      atMs: Math.round(run.atMs),
      detail: `frozen for ${seconds(run.lengthMs)}`,
    }))
}

export function durationFlag(durationMs: number, askedSeconds: number | undefined): QualityFlag[] {
  if (askedSeconds === undefined || !Number.isFinite(durationMs)) return []
  if (Math.abs(durationMs / 1000 - askedSeconds) <= DURATION_TOLERANCE_S) return []
  return [{ kind: 'duration', detail: `${seconds(durationMs)} long, asked for ${askedSeconds} s` }]
}

export function ratioFlag(width: number, height: number, asked: string | undefined): QualityFlag[] {
  const [w, h] = (asked ?? '').split(':').map(Number)
  if (!w || !h || !width || !height) return []
  if (Math.abs(width / height / (w / h) - 1) <= RATIO_TOLERANCE) return []
  return [{ kind: 'ratio', detail: `${width}×${height}, asked for ${asked}` }]
}

export function silenceFlags(sound: SampledSound): QualityFlag[] {
  if (!sound.present) return [{ kind: 'silence', atMs: 0, detail: 'no sound track, though sound was asked for' }]
  const windows = sound.rms.length
  return runs(windows, (i) => sound.rms[i]! < SILENT_RMS)
    .map(([first, last]) => ({ atMs: first * sound.windowMs, lengthMs: (last - first + 1) * sound.windowMs }))
    .filter((run) => run.lengthMs >= Math.min(SILENCE_MIN_MS, windows * sound.windowMs))
    .map((run) => ({
      kind: 'silence' as const,
      atMs: Math.round(run.atMs),
      detail: run.lengthMs >= windows * sound.windowMs ? 'silent throughout' : `silent for ${seconds(run.lengthMs)}`,
    }))
}

/**
 * Every flag of a sampled take, in the order of the checks, at most MAX_FLAGS (what the ledger keeps): a take
 * that flickers keeps its first stretches and every whole-take flag.
 */
export function detectFlags(sample: TakeSample, ask: TakeAsk): QualityFlag[] {
  const flags = [
    ...blackStretches(sample.frames, sample.durationMs),
    ...frozenStretches(sample.frames),
    ...durationFlag(sample.durationMs, ask.durationSeconds),
    ...ratioFlag(sample.width, sample.height, ask.aspectRatio),
    ...(sample.sound ? silenceFlags(sample.sound) : []),
  ]
  if (flags.length <= MAX_FLAGS) return flags
  const whole = flags.filter((flag) => flag.atMs === undefined)
  return [...flags.filter((flag) => flag.atMs !== undefined).slice(0, MAX_FLAGS - whole.length), ...whole]
}
