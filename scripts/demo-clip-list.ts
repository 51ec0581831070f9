// Prints the demo clips for scripts/make-demo-media.sh, one a line: file aspect-ratio seconds look variant.
import { DEMO_CLIPS } from '../src/catalog/demo-clips'

for (const clip of DEMO_CLIPS) {
  const file = clip.path.split('/').pop()
  console.log([file, clip.aspectRatio, clip.seconds, clip.look, clip.variant].join(' '))
}
