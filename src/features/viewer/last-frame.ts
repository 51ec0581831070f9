/** Resolves on `event`, rejects on the element's error: one wait of a media element. */
export function once(video: HTMLVideoElement, event: 'loadedmetadata' | 'seeked'): Promise<void> {
  return new Promise((resolve, reject) => {
    const done = () => {
      video.removeEventListener('error', failed)
      resolve()
    }
    const failed = () => {
      video.removeEventListener(event, done)
      reject(new Error('The take could not be read to grab a frame'))
    }
    video.addEventListener(event, done, { once: true })
    video.addEventListener('error', failed, { once: true })
  })
}

/**
 * The final frame of a take as a PNG of the video's own size. The take must be on the studio's origin (its kept
 * copy): a canvas holding another origin's frame cannot be read back.
 */
export async function captureLastFrame(url: string): Promise<Blob> {
  const video = document.createElement('video')
  video.muted = true
  video.preload = 'auto'
  video.src = url
  try {
    await once(video, 'loadedmetadata')
    const seeked = once(video, 'seeked')
    // A hair before the end: seeking to the very end may land after the last decoded frame.
    video.currentTime = Math.max(0, video.duration - 0.001)
    await seeked
    const canvas = document.createElement('canvas')
    canvas.width = video.videoWidth
    canvas.height = video.videoHeight
    canvas.getContext('2d')?.drawImage(video, 0, 0)
    const png = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'))
    if (!png) throw new Error('The last frame could not be turned into an image')
    return png
  } finally {
    video.removeAttribute('src')
    video.load()
  }
}
