import type { Frame } from '@/features/sequences/cut-measure'

/** A colour for each point of a picture, in unit coordinates (0..1 across and down). */
export type Paint = (x: number, y: number) => [number, number, number]

/** An RGBA frame of the given size, as a canvas would hand it over. */
export function paintFrame(width: number, height: number, paint: Paint): Frame {
  const data = new Uint8ClampedArray(width * height * 4)
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) data.set([...paint(x / width, y / height), 255], (y * width + x) * 4)
  return { width, height, data }
}

/** A harbour-ish picture: a sky gradient, a sea of waves and a lit window. */
export const harbour: Paint = (x, y) => {
  if (y < 0.45) return [90 + 100 * y, 120 + 80 * y, 200]
  const wave = 30 * Math.sin(x * 40 + y * 12)
  const light = Math.hypot(x - 0.7, y - 0.6) < 0.08 ? 120 : 0
  return [20 + wave + light, 60 + wave + light, 110 + wave + light / 2]
}

/** Another picture altogether: a checker of warm tiles on a dark ground. */
export const tiles: Paint = (x, y) =>
  (Math.floor(x * 12) + Math.floor(y * 7)) % 2 === 0 ? [200, 120, 60] : [40, 30, 25 + 100 * x]
