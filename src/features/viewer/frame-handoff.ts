import type { Model } from '@/catalog/catalog-schema'
import type { VideoInput } from '@/catalog/request-schema'
import type { RenderRecord } from '@/features/renders/render-record'
import { lastFrameInput } from '@/features/renders/variations'
import { uploadMedia } from '@/lib/media-client'

/** How long one wait of a take may take: a stalled download or a frame that never comes is an error, not a hang. */
const WAIT_MS = 20_000

/** Resolves on `event`, rejects on the element's error or after WAIT_MS: one wait of a media element. */
function once(video: HTMLVideoElement, event: 'loadedmetadata' | 'seeked'): Promise<void> {
  return new Promise((resolve, reject) => {
    const finish = (error?: Error) => {
      clearTimeout(timer)
      video.removeEventListener(event, done)
      video.removeEventListener('error', failed)
      if (error) reject(error)
      else resolve()
    }
    const done = () => finish()
    const failed = () => finish(new Error('The take could not be read to grab a frame'))
    const timer = setTimeout(() => finish(new Error('The take did not load in time to grab a frame')), WAIT_MS)
    video.addEventListener(event, done, { once: true })
    video.addEventListener('error', failed, { once: true })
  })
}

/** Resolves once `ready()` holds, looking every 50 ms; a take that fails or never gets there is an error. */
async function until(video: HTMLVideoElement, ready: () => boolean): Promise<void> {
  for (let waited = 0; !ready(); waited += 50) {
    if (video.error) throw new Error('The take could not be read to grab a frame')
    if (waited >= WAIT_MS) throw new Error('The take did not load in time to grab a frame')
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

/**
 * Draws the video's frame at its playhead onto `context`'s canvas (at `width` × `height`). A fresh element can say
 * it holds the frame and still draw nothing, which leaves the canvas transparent, where any frame of a video is
 * opaque: so the middle pixel is looked at, and the frame drawn again until it is there.
 */
export async function drawWhenDecoded(
  video: HTMLVideoElement,
  context: CanvasRenderingContext2D,
  width: number,
  height: number,
): Promise<void> {
  const middle = [Math.floor(width / 2), Math.floor(height / 2)] as const
  await until(video, () => {
    context.drawImage(video, 0, 0, width, height)
    return context.getImageData(middle[0], middle[1], 1, 1).data[3] !== 0
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
    // A fresh element may say it has seeked before it has the frame there: drawn then, a canvas stays empty.
    await until(video, () => video.readyState >= HTMLMediaElement.HAVE_CURRENT_DATA)
    return await read(video)
  } finally {
    video.removeAttribute('src')
    video.load()
  }
}

/**
 * `atSeconds` held within a take of `duration`, a hair before its end: seeking to the very end may land after the
 * last decoded frame.
 */
export const withinTake = (atSeconds: number) => (duration: number) =>
  Math.min(Math.max(0, atSeconds), Math.max(0, duration - 0.001))

/** The frame a take shows at `atSeconds` (its final frame by default) as a PNG of the video's own size. */
export function captureFrame(url: string, atSeconds = Infinity): Promise<Blob> {
  return atFrame(url, withinTake(atSeconds), async (video) => {
    const canvas = document.createElement('canvas')
    canvas.width = video.videoWidth
    canvas.height = video.videoHeight
    const context = canvas.getContext('2d')
    if (!context) throw new Error('This browser cannot read video frames')
    await drawWhenDecoded(video, context, canvas.width, canvas.height)
    const png = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'))
    if (!png) throw new Error('The frame could not be turned into an image')
    return png
  })
}

/**
 * The next shot's input from a take's frame at `atSeconds` (its final frame when absent): the frame is grabbed,
 * uploaded as a PNG, and set as the first frame of the take's model (see lastFrameInput).
 */
export async function frameHandoffInput(
  record: RenderRecord,
  sameOriginUrl: string,
  models: readonly Model[],
  atSeconds?: number,
): Promise<VideoInput> {
  const png = await captureFrame(sameOriginUrl, atSeconds)
  const stored = await uploadMedia(new File([png], 'frame.png', { type: 'image/png' })).done
  return lastFrameInput(record, models, stored.url)
}
