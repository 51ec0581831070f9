/**
 * The demo clips in public/demo: every aspect ratio of the catalog at a few lengths, in three looks each so
 * that seeds and variations differ. scripts/make-demo-media.sh renders exactly this list, and
 * demo-clips.test.ts checks the committed files against it, real lengths included.
 */
import { DEMO_MEDIA_PREFIX } from './video-input'

export const DEMO_ASPECT_RATIOS = ['16:9', '9:16', '1:1', '4:3', '3:4', '21:9', '3:2', '2:3'] as const
export const DEMO_CLIP_SECONDS = [4, 6, 8, 10] as const
/** The synthetic looks the script knows how to render. */
export const DEMO_LOOKS = ['lava', 'silk', 'bokeh', 'aurora', 'dusk', 'fractal'] as const
export const LOOKS_PER_LENGTH = 3

export interface DemoClip {
  /** Origin-relative, under DEMO_MEDIA_PREFIX; the poster is the same path ending in .jpg. */
  path: string
  aspectRatio: (typeof DEMO_ASPECT_RATIOS)[number]
  seconds: number
  look: (typeof DEMO_LOOKS)[number]
  /** Varies a look's colours and motion, so one look differs between ratios and lengths. */
  variant: number
}

const fileRatio = (ratio: string) => ratio.replace(':', 'x')

// A ratio's lengths alternate between two halves of the looks, so each ratio shows all of them.
export const DEMO_CLIPS: readonly DemoClip[] = DEMO_ASPECT_RATIOS.flatMap((aspectRatio, r) =>
  DEMO_CLIP_SECONDS.flatMap((seconds, s) =>
    Array.from({ length: LOOKS_PER_LENGTH }, (_, slot) => {
      const look = DEMO_LOOKS[(r + s * LOOKS_PER_LENGTH + slot) % DEMO_LOOKS.length]!
      const path = `${DEMO_MEDIA_PREFIX}${look}-${fileRatio(aspectRatio)}-${seconds}s.mp4`
      return { path, aspectRatio, seconds, look, variant: r * DEMO_CLIP_SECONDS.length + s }
    }),
  ),
)

export const demoPosterPath = (clip: Pick<DemoClip, 'path'>) => clip.path.replace(/\.mp4$/, '.jpg')

/** Takes with a fault the quality check flags, served under the simulator's black_rate and frozen_rate knobs. */
export const DEMO_FLAWED_CLIPS = {
  black: { path: `${DEMO_MEDIA_PREFIX}flaw-black-16x9-6s.mp4`, aspectRatio: '16:9', seconds: 6 },
  frozen: { path: `${DEMO_MEDIA_PREFIX}flaw-frozen-16x9-6s.mp4`, aspectRatio: '16:9', seconds: 6 },
} as const satisfies Record<string, Pick<DemoClip, 'path' | 'aspectRatio' | 'seconds'>>
