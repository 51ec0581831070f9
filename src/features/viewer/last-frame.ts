/** Resolves on `event`, rejects on the element's error: one wait of a media element. */
function once(video: HTMLVideoElement, event: 'loadedmetadata' | 'seeked'): Promise<void> {
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
 * Opens the take at `url`, seeks to the time `at` picks from its duration, and hands `read` the video showing that
 * frame. The take must be on the studio's origin (its kept copy): a canvas holding another origin's frame cannot be
 * read back.
 */
export async function atFrame<T>(
  url: string,
  at: (duration: number) => number,
  read: (video: HTMLVideoElement) => Promise<T>,
): Promise<T> {
  const video = document.createElement('video')
  video.muted = true
  video.preload = 'auto'
  video.src = url
  try {
    await once(video, 'loadedmetadata')
    const seeked = once(video, 'seeked')
    video.currentTime = at(video.duration)
    await seeked
    return await read(video)
  } finally {
    video.removeAttribute('src')
    video.load()
  }
}

/** The final frame of a take as a PNG of the video's own size. */
export function captureLastFrame(url: string): Promise<Blob> {
  // A hair before the end: seeking to the very end may land after the last decoded frame.
  return atFrame(
    url,
    (duration) => Math.max(0, duration - 0.001),
    async (video) => {
      const canvas = document.createElement('canvas')
      canvas.width = video.videoWidth
      canvas.height = video.videoHeight
      canvas.getContext('2d')?.drawImage(video, 0, 0)
      const png = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'))
      if (!png) throw new Error('The last frame could not be turned into an image')
      return png
    },
  )
}
