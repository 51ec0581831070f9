import type { MediaSlot } from '@/catalog/catalog-schema'

/** Aspect ratios the studio has demo files for (public/demo, made by scripts/make-demo-media.sh). */
const DEMO_RATIOS = ['16:9', '9:16', '1:1', '4:3', '3:4', '21:9', '3:2', '2:3']

const fileRatio = (ratio: string) => ratio.replace(':', 'x')

/**
 * A demo file for a media slot, matching the chosen aspect ratio where there is one, so every mode can be
 * tried without hosting files. `index` walks the ratios for lists (reference images).
 */
export function demoSample(kind: MediaSlot['kind'], aspectRatio: unknown, index = 0): string {
  if (kind === 'audio') return '/demo/tone.mp3'
  const start = Math.max(0, DEMO_RATIOS.indexOf(typeof aspectRatio === 'string' ? aspectRatio : '16:9'))
  const ratio = DEMO_RATIOS[(start + index) % DEMO_RATIOS.length]!
  return `/demo/clip-${fileRatio(ratio)}.${kind === 'image' ? 'jpg' : 'mp4'}`
}
