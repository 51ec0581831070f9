import { DEMO_ASPECT_RATIOS, DEMO_CLIPS, demoPosterPath } from '@/catalog/demo-clips'
import type { MediaSlot } from '@/catalog/catalog-schema'

/**
 * A demo file for a media slot, matching the chosen aspect ratio where the demo set has it, so every mode can
 * be tried without hosting files. `index` walks the ratio's clips for lists (reference images).
 */
export function demoSample(kind: MediaSlot['kind'], aspectRatio: unknown, index = 0): string {
  if (kind === 'audio') return '/demo/tone.mp3'
  const ratio = DEMO_ASPECT_RATIOS.find((r) => r === aspectRatio) ?? '16:9'
  const clips = DEMO_CLIPS.filter((clip) => clip.aspectRatio === ratio)
  const clip = clips[index % clips.length]!
  return kind === 'image' ? demoPosterPath(clip) : clip.path
}
