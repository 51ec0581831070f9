/*
 * How far a cut jumps: the outgoing shot's last frame against the incoming shot's first frame, in colour and in
 * structure, each from 0 (the same) to 1 (nothing in common). Pure, so it runs in a worker and in tests alike.
 */

/** RGBA pixels, row by row, as ImageData holds them. */
export interface Frame {
  width: number
  height: number
  data: Uint8ClampedArray
}

export interface CutMeasure {
  /** How far the palette moves: the shift of the Lab colour distributions, as ΔE over 100. */
  colour: number
  /** How much the picture changes: 1 − the mean SSIM structure term of the luma in 8×8 windows. */
  structure: number
  /** The cut jumps visibly: either figure at or past its threshold. */
  jumps: boolean
}

/*
 * Thresholds, calibrated on the demo clips (160×90 grabs): neighbouring frames of one clip stay under 0.01 on both;
 * any two different clips reach 0.17 in colour and 0.66 in structure. ΔE 10 over the palette is a plainly visible
 * shift; 0.4 also flags most jumps of a second within one clip (a second of their motion scores 0.05–0.7), which
 * show at a cut as much.
 */
export const COLOUR_JUMP = 0.1
export const STRUCTURE_JUMP = 0.4

/** Both frames are resampled to this grid (a 16:9 grid; other shapes are stretched to it, as a cut compares). */
const GRID_W = 64
const GRID_H = 36
const WINDOW = 8
const STRIDE = 4
// SSIM's stabiliser for 8-bit luma: (0.03 · 255)².
const C2 = (0.03 * 255) ** 2
const BINS = 32

export function measureCut(outgoing: Frame, incoming: Frame): CutMeasure {
  const a = resample(outgoing)
  const b = resample(incoming)
  const colour = clamp01(paletteShift(a, b) / 100)
  const structure = clamp01(1 - meanStructure(a.luma, b.luma))
  return { colour, structure, jumps: colour >= COLOUR_JUMP || structure >= STRUCTURE_JUMP }
}

interface Grid {
  luma: Float64Array
  lab: [Float64Array, Float64Array, Float64Array]
}

/** The frame's box-filtered average on the grid, as luma (0..255) and CIE Lab. */
function resample(frame: Frame): Grid {
  if (frame.width < 1 || frame.height < 1 || frame.data.length < frame.width * frame.height * 4)
    throw new Error('A frame to compare has no pixels')
  const n = GRID_W * GRID_H
  const luma = new Float64Array(n)
  const lab: Grid['lab'] = [new Float64Array(n), new Float64Array(n), new Float64Array(n)]
  for (let gy = 0; gy < GRID_H; gy++) {
    const y0 = Math.floor((gy * frame.height) / GRID_H)
    const y1 = Math.max(y0 + 1, Math.floor(((gy + 1) * frame.height) / GRID_H))
    for (let gx = 0; gx < GRID_W; gx++) {
      const x0 = Math.floor((gx * frame.width) / GRID_W)
      const x1 = Math.max(x0 + 1, Math.floor(((gx + 1) * frame.width) / GRID_W))
      let r = 0
      let g = 0
      let bl = 0
      for (let y = y0; y < y1; y++)
        for (let x = x0; x < x1; x++) {
          const i = (y * frame.width + x) * 4
          r += frame.data[i]!
          g += frame.data[i + 1]!
          bl += frame.data[i + 2]!
        }
      const count = (y1 - y0) * (x1 - x0)
      const cell = gy * GRID_W + gx
      r /= count
      g /= count
      bl /= count
      luma[cell] = 0.299 * r + 0.587 * g + 0.114 * bl
      const [L, A, B] = toLab(r, g, bl)
      lab[0][cell] = L
      lab[1][cell] = A
      lab[2][cell] = B
    }
  }
  return { luma, lab }
}

const linear = (c: number) => {
  const v = c / 255
  return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4
}
const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : ((24389 / 27) * t) / 116 + 16 / 116)

/** sRGB (0..255) to CIE Lab under D65. */
function toLab(r: number, g: number, b: number): [number, number, number] {
  const R = linear(r)
  const G = linear(g)
  const B = linear(b)
  const x = f((0.4124 * R + 0.3576 * G + 0.1805 * B) / 0.95047)
  const y = f(0.2126 * R + 0.7152 * G + 0.0722 * B)
  const z = f((0.0193 * R + 0.1192 * G + 0.9505 * B) / 1.08883)
  return [116 * y - 16, 500 * (x - y), 200 * (y - z)]
}

/**
 * How far the colours move, in ΔE: the earth mover's distance between the two frames' distributions of L, a and
 * b, combined as a Lab distance. Where things sit does not count (that is structure), only which colours show.
 */
function paletteShift(a: Grid, b: Grid): number {
  const ranges: [number, number][] = [
    [0, 100],
    [-128, 128],
    [-128, 128],
  ]
  const shifts = ranges.map(([lo, hi], channel) => earthMovers(a.lab[channel]!, b.lab[channel]!, lo, hi))
  return Math.hypot(...shifts)
}

/** The 1-D earth mover's distance between two samples' histograms over [lo, hi], in the samples' unit. */
function earthMovers(a: Float64Array, b: Float64Array, lo: number, hi: number): number {
  const ha = histogram(a, lo, hi)
  const hb = histogram(b, lo, hi)
  const width = (hi - lo) / BINS
  let carried = 0
  let distance = 0
  for (let i = 0; i < BINS; i++) {
    carried += ha[i]! - hb[i]!
    distance += Math.abs(carried) * width
  }
  return distance
}

/** A normalised histogram, each value shared between its two nearest bins so a small jitter moves little. */
function histogram(values: Float64Array, lo: number, hi: number): Float64Array {
  const bins = new Float64Array(BINS)
  for (const value of values) {
    const at = clamp(((value - lo) / (hi - lo)) * BINS - 0.5, 0, BINS - 1)
    const low = Math.floor(at)
    const share = at - low
    bins[low]! += (1 - share) / values.length
    if (share > 0) bins[low + 1]! += share / values.length
  }
  return bins
}

/** The mean of SSIM's contrast-structure term over overlapping windows: 1 when the luma moves together. */
function meanStructure(a: Float64Array, b: Float64Array): number {
  let sum = 0
  let windows = 0
  for (let y = 0; y + WINDOW <= GRID_H; y += STRIDE)
    for (let x = 0; x + WINDOW <= GRID_W; x += STRIDE) {
      let ma = 0
      let mb = 0
      for (let dy = 0; dy < WINDOW; dy++)
        for (let dx = 0; dx < WINDOW; dx++) {
          const i = (y + dy) * GRID_W + x + dx
          ma += a[i]!
          mb += b[i]!
        }
      const n = WINDOW * WINDOW
      ma /= n
      mb /= n
      let va = 0
      let vb = 0
      let cov = 0
      for (let dy = 0; dy < WINDOW; dy++)
        for (let dx = 0; dx < WINDOW; dx++) {
          const i = (y + dy) * GRID_W + x + dx
          const da = a[i]! - ma
          const db = b[i]! - mb
          va += da * da
          vb += db * db
          cov += da * db
        }
      sum += ((2 * cov) / (n - 1) + C2) / (va / (n - 1) + vb / (n - 1) + C2)
      windows++
    }
  return sum / windows
}

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v))
const clamp01 = (v: number) => clamp(v, 0, 1)
