import { rateValue, type CutShot, type Rate } from './cut'

/** The exported film's frame: every shot is scaled to fit inside it, centred, with black bars where ratios differ. */
export interface Canvas {
  width: number
  height: number
  fps: Rate
}

type Framed = Pick<CutShot, 'width' | 'height' | 'fps' | 'inMs' | 'outMs'>

const even = (n: number) => Math.max(2, Math.round(n / 2) * 2)
const ratioKey = (shot: Framed) => (shot.width / shot.height).toFixed(2)

/** The key whose shots run longest in the cut (ties: the first to reach that time). */
function longestRunning<T>(shots: readonly Framed[], keyOf: (shot: Framed) => T): T[] {
  const time = new Map<T, number>()
  for (const shot of shots) time.set(keyOf(shot), (time.get(keyOf(shot)) ?? 0) + shot.outMs - shot.inMs)
  const most = Math.max(...time.values())
  return [...time.entries()].filter(([, ms]) => ms === most).map(([key]) => key)
}

/**
 * The picture shape that runs longest in the cut, at the largest size any shot of that shape has (so no shot of
 * the main shape loses detail), and the frame rate that runs longest (ties: the higher), so most of the film
 * plays at its own rate and shape and only the others are converted and letterboxed.
 */
export function chooseCanvas(shots: readonly Framed[]): Canvas {
  const [ratio] = longestRunning(shots, ratioKey)
  const largest = shots
    .filter((shot) => ratioKey(shot) === ratio)
    .reduce((best, shot) => (shot.width * shot.height > best.width * best.height ? shot : best))
  const rates = longestRunning(shots, (shot) => `${shot.fps.num}/${shot.fps.den}`).map((key) => {
    const [num = 0, den = 1] = key.split('/').map(Number)
    return { num, den }
  })
  const fps = rates.reduce((best, rate) => (rateValue(rate) > rateValue(best) ? rate : best))
  return { width: even(largest.width), height: even(largest.height), fps }
}
