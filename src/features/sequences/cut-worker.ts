import { answerCalls } from '@/lib/worker-calls'
import { measureCut, type CutMeasure, type Frame } from './cut-measure'

export interface CutRequest {
  outgoing: Frame
  incoming: Frame
}

// A module worker: measures one cut per message, off the studio's main thread.
answerCalls<CutRequest, CutMeasure>(
  ({ outgoing, incoming }) => measureCut(outgoing, incoming),
  'The cut could not be measured',
)
