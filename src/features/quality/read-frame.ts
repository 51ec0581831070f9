import { FRAME_H, FRAME_W, lumaOf } from './frame-luma'
import type { FrameReply, FrameRequest } from './frame-worker'

/*
 * Reads the brightness of the frame a video shows, at FRAME_W × FRAME_H. Where the browser has WebCodecs, the frame
 * is handed to a worker as a VideoFrame (no copy here) and scaled and read there; elsewhere it is scaled by
 * createImageBitmap and read from a small canvas on this thread.
 */

let worker: Worker | null | undefined
let nextId = 0
const waiting = new Map<number, { resolve: (luma: Uint8Array) => void; reject: (error: Error) => void }>()

function frameWorker(): Worker | null {
  if (worker !== undefined) return worker
  if (typeof VideoFrame !== 'function' || typeof OffscreenCanvas !== 'function') return (worker = null)
  worker = new Worker(new URL('./frame-worker.ts', import.meta.url), { type: 'module' })
  worker.addEventListener('message', (event: MessageEvent<FrameReply>) => {
    const reply = event.data
    const pending = waiting.get(reply.id)
    waiting.delete(reply.id)
    if ('luma' in reply) pending?.resolve(reply.luma)
    else pending?.reject(new Error(reply.error))
  })
  worker.addEventListener('error', () => {
    // A worker that cannot start (or breaks) leaves the reading to this thread from now on.
    for (const pending of waiting.values()) pending.reject(new Error('The frame reader stopped'))
    waiting.clear()
    worker?.terminate()
    worker = null
  })
  return worker
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
export function readFrameLuma(video: HTMLVideoElement, context: CanvasRenderingContext2D): Promise<Uint8Array> {
  const reader = frameWorker()
  if (!reader) return readHere(video, context)
  return new Promise<Uint8Array>((resolve, reject) => {
    const frame = new VideoFrame(video) // may throw (no frame yet): then read here, nothing left waiting
    const id = nextId++
    waiting.set(id, { resolve, reject })
    const request: FrameRequest = { id, frame }
    reader.postMessage(request, [frame])
  }).catch(() => readHere(video, context))
}
