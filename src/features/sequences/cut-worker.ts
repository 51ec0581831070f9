import { measureCut, type CutMeasure, type Frame } from './cut-measure'

export interface CutRequest {
  id: number
  outgoing: Frame
  incoming: Frame
}

export type CutReply = { id: number; measure: CutMeasure } | { id: number; error: string }

// A module worker: measures one cut per message, off the studio's main thread.
self.addEventListener('message', (event: MessageEvent<CutRequest>) => {
  const { id, outgoing, incoming } = event.data
  let reply: CutReply
  try {
    reply = { id, measure: measureCut(outgoing, incoming) }
  } catch (error) {
    reply = { id, error: error instanceof Error ? error.message : 'The cut could not be measured' }
  }
  self.postMessage(reply)
})
