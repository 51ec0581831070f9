import { atFrame, drawWhenDecoded, withinTake } from '@/features/viewer/frame-handoff'
import type { CutMeasure, Frame } from './cut-measure'
import { workerCalls } from '@/lib/worker-calls'
import type { CutRequest } from './cut-worker'

/** A frame of a take, small: its pixels to measure and an image to show. */
export interface GrabbedFrame {
  pixels: Frame
  image: Blob
}

/** What the cut check needs from the browser; component tests give their own (jsdom decodes no video). */
export interface CutTools {
  grab: (url: string, atSeconds: number) => Promise<GrabbedFrame>
  measure: (outgoing: Frame, incoming: Frame) => Promise<CutMeasure>
  /** Lets go of what the tools hold (the worker). */
  close: () => void
}

/** Wide enough to judge a cut by eye beside its partner; the measure resamples to its own grid anyway. */
const GRAB_WIDTH = 160

/**
 * The frame showing at `atSeconds` of a take on the studio's own origin (its kept copy or a demo clip), scaled to
 * GRAB_WIDTH.
 */
export function grabFrame(url: string, atSeconds: number): Promise<GrabbedFrame> {
  return atFrame(url, withinTake(atSeconds), async (video) => {
    const width = GRAB_WIDTH
    const height = Math.max(1, Math.round((GRAB_WIDTH * video.videoHeight) / Math.max(1, video.videoWidth)))
    const canvas = document.createElement('canvas')
    canvas.width = width
    canvas.height = height
    const context = canvas.getContext('2d', { willReadFrequently: true })
    if (!context) throw new Error('This browser cannot read video frames')
    await drawWhenDecoded(video, context, width, height)
    const { data } = context.getImageData(0, 0, width, height)
    const image = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.85))
    if (!image) throw new Error('The frame could not be turned into an image')
    return { pixels: { width, height, data }, image }
  })
}

/** The browser's tools: frames grabbed here, measured in a module worker started on the first cut. */
export function browserCutTools(): CutTools {
  let worker: ReturnType<typeof workerCalls<CutRequest, CutMeasure>> | undefined
  const start = () =>
    workerCalls<CutRequest, CutMeasure>(
      new Worker(new URL('./cut-worker.ts', import.meta.url), { type: 'module' }),
      'The cut check stopped working',
    )
  return {
    grab: grabFrame,
    measure: (outgoing, incoming) => {
      worker ??= start()
      // The pixels move to the worker rather than being copied.
      return worker.call({ outgoing, incoming }, [outgoing.data.buffer, incoming.data.buffer])
    },
    close: () => {
      worker?.close('The cut check was closed')
      worker = undefined
    },
  }
}
