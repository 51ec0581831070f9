import { FRAME_H, FRAME_W, lumaOf } from './frame-luma'

export interface FrameRequest {
  id: number
  frame: VideoFrame
}

export type FrameReply = { id: number; luma: Uint8Array } | { id: number; error: string }

const canvas = new OffscreenCanvas(FRAME_W, FRAME_H)
const context = canvas.getContext('2d', { willReadFrequently: true })

// A module worker: scales one video frame down and reads its brightness, off the studio's main thread.
self.addEventListener('message', (event: MessageEvent<FrameRequest>) => {
  const { id, frame } = event.data
  let reply: FrameReply
  try {
    if (!context) throw new Error('No canvas to read frames with')
    context.drawImage(frame, 0, 0, FRAME_W, FRAME_H)
    reply = { id, luma: lumaOf(context.getImageData(0, 0, FRAME_W, FRAME_H).data) }
  } catch (error) {
    reply = { id, error: error instanceof Error ? error.message : 'The frame could not be read' }
  } finally {
    frame.close()
  }
  self.postMessage(reply, { transfer: 'luma' in reply ? [reply.luma.buffer] : [] })
})
