import type { RenderRecord } from './render-record'

const DEMO_CLIP = /^\/demo\/[\w.-]+\.mp4$/

/** The still shown for a render: a captured frame, or the poster the demo clips ship beside them. */
export function posterOf(record: Pick<RenderRecord, 'posterDataUrl' | 'output'>): string | undefined {
  if (record.posterDataUrl) return record.posterDataUrl
  const url = record.output?.video_url
  return url && DEMO_CLIP.test(url) ? url.replace(/\.mp4$/, '.jpg') : undefined
}

const POSTER_WIDTH = 320

/**
 * A small JPEG of the video's current frame, or undefined when the browser refuses (a cross-origin
 * video without CORS taints the canvas) or cannot draw.
 */
export function capturePosterFrame(video: HTMLVideoElement): string | undefined {
  if (!video.videoWidth || !video.videoHeight) return undefined
  const canvas = document.createElement('canvas')
  canvas.width = POSTER_WIDTH
  canvas.height = Math.round((POSTER_WIDTH * video.videoHeight) / video.videoWidth)
  const context = canvas.getContext('2d')
  if (!context) return undefined
  try {
    context.drawImage(video, 0, 0, canvas.width, canvas.height)
    return canvas.toDataURL('image/jpeg', 0.7)
  } catch {
    return undefined
  }
}
