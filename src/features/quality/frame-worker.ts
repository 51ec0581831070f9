import { answerCalls } from '@/lib/worker-calls'
import { FRAME_H, FRAME_W, lumaOf } from './frame-luma'

const canvas = new OffscreenCanvas(FRAME_W, FRAME_H)
const context = canvas.getContext('2d', { willReadFrequently: true })

// A module worker: scales one video frame down and reads its brightness, off the studio's main thread.
answerCalls<VideoFrame, Uint8Array>(
  (frame) => {
    try {
      if (!context) throw new Error('No canvas to read frames with')
      context.drawImage(frame, 0, 0, FRAME_W, FRAME_H)
      return lumaOf(context.getImageData(0, 0, FRAME_W, FRAME_H).data)
    } finally {
      frame.close()
    }
  },
  'The frame could not be read',
  (luma) => [luma.buffer],
)
