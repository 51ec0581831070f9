import { DEMO_ASPECT_RATIOS, DEMO_CLIP_SECONDS, DEMO_CLIPS, type DemoClip } from '@/catalog/demo-clips'

export interface DemoClipAsk {
  aspectRatio?: string
  /** The asked duration; none asks for the shortest clip. */
  seconds?: number
  seed?: number
  prompt: string
}

/**
 * The demo clip a render gets: of its aspect ratio (16:9 when the set has none), of the length closest to
 * the asked duration (the longer on a tie), and among those the look its seed and prompt hash to — so the
 * same seed and prompt always give the same clip, and another seed most often another.
 */
export function pickDemoClip(ask: DemoClipAsk): DemoClip {
  const ratio = DEMO_ASPECT_RATIOS.find((r) => r === ask.aspectRatio) ?? '16:9'
  const seconds = closestLength(ask.seconds)
  const looks = DEMO_CLIPS.filter((clip) => clip.aspectRatio === ratio && clip.seconds === seconds)
  return looks[fnv1a(`${ask.seed ?? ''}\u0000${ask.prompt}`) % looks.length]!
}

function closestLength(asked: number | undefined): number {
  if (asked === undefined) return DEMO_CLIP_SECONDS[0]
  return DEMO_CLIP_SECONDS.reduce((best, length) =>
    Math.abs(length - asked) <= Math.abs(best - asked) ? length : best,
  )
}

/** 32-bit FNV-1a: small, stable across runtimes, and spreads neighbouring seeds. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193)
  return hash >>> 0
}
