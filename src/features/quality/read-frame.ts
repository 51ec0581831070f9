import { FRAME_H, FRAME_W, lumaOf } from './frame-luma'
import { workerCalls } from '@/lib/worker-calls'

/*
 * Reads the brightness of the frame a video shows, at FRAME_W × FRAME_H. Where the browser has WebCodecs, the frame
 * is handed to a worker as a VideoFrame (no copy here) and scaled and read there; elsewhere it is scaled by
 * createImageBitmap and read from a small canvas on this thread.
 */

let reader: ReturnType<typeof workerCalls<VideoFrame, Uint8Array>> | null | undefined

function frameReader() {
  if (reader !== undefined) return reader
  if (typeof VideoFrame !== 'function' || typeof OffscreenCanvas !== 'function') return (reader = null)
  const worker = new Worker(new URL('./frame-worker.ts', import.meta.url), { type: 'module' })
  // A worker that cannot start (or breaks) leaves the reading to this thread from now on.
  worker.addEventListener('error', () => {
    worker.terminate()
    reader = null
  })
  return (reader = workerCalls<VideoFrame, Uint8Array>(worker, 'The frame reader stopped'))
}

async function readHere(video: HTMLVideoElement, context: CanvasRenderingContext2D): Promise<Uint8Array> {
  const small = await createImageBitmap(video, { resizeWidth: FRAME_W, resizeHeight: FRAME_H, resizeQuality: 'low' })
  context.drawImage(small, 0, 0)
  small.close()
  return lumaOf(context.getImageData(0, 0, FRAME_W, FRAME_H).data)
}

/** A canvas of the frames' size for reading on this thread (when there is no worker). */
export function frameCanvas(): CanvasRenderingContext2D {
  const canvas = document.createElement('canvas')
  canvas.width = FRAME_W
  canvas.height = FRAME_H
  const context = canvas.getContext('2d', { willReadFrequently: true })
  if (!context) throw new Error('No canvas to read frames with')
  return context
}

/** The brightness of the frame `video` shows now (after a seek has landed). */
export async function readFrameLuma(video: HTMLVideoElement, context: CanvasRenderingContext2D): Promise<Uint8Array> {
  const worker = frameReader()
  if (!worker) return readHere(video, context)
  try {
    const frame = new VideoFrame(video) // may throw (no frame yet): then it is read here
    return await worker.call(frame, [frame])
  } catch {
    return readHere(video, context)
  }
}
