/** The committed demo clips (scripts/make-demo-media.sh), one per aspect ratio of the catalog. */
export const DEMO_ASPECT_RATIOS = ['16:9', '9:16', '1:1', '4:3', '3:4', '21:9', '3:2', '2:3'] as const

export function demoClipPath(aspectRatio: string | undefined): string {
  const ratio = DEMO_ASPECT_RATIOS.find((r) => r === aspectRatio) ?? '16:9'
  return `/demo/clip-${ratio.replace(':', 'x')}.mp4`
}
