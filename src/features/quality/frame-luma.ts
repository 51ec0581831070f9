/** The sampled frames' size: enough to see black, stillness and shape, small enough to read in a moment. */
export const FRAME_W = 32
export const FRAME_H = 18

/** Each pixel's brightness (Rec. 709) from RGBA pixels. */
export function lumaOf(data: Uint8ClampedArray): Uint8Array {
  const luma = new Uint8Array(data.length / 4)
  for (let i = 0; i < luma.length; i++) {
    luma[i] = Math.round(0.2126 * data[i * 4]! + 0.7152 * data[i * 4 + 1]! + 0.0722 * data[i * 4 + 2]!)
  }
  return luma
}
