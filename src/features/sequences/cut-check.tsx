import { useId, useState } from 'react'
import type { Shot } from '@/catalog/sequence-contract'
import type { RenderRecord } from '@/features/renders/render-record'
import type { CutMeasure } from './cut-measure'
import { browserCutTools, type CutTools } from './cut-tools'
import { cutsOf, useCutChecks, type CutOutcome } from './use-cut-checks'

interface CutCheckProps {
  shots: readonly Shot[]
  takes: ReadonlyMap<string, RenderRecord>
  /** Grabs and measures frames; the browser's own (a worker) unless a test gives others. */
  tools?: CutTools
  /** Offered on a cut that jumps: start a render from a frame of the shot before it (its index). */
  onContinueFrom?: (shotIndex: number) => void
}

const percent = (value: number) => `${Math.round(value * 100)} %`
const figures = (measure: CutMeasure) =>
  `colour shifts ${percent(measure.colour)}, picture changes ${percent(measure.structure)}`

/** Each cut of the sequence checked for a visible jump between the frames either side of it. */
export function CutCheck({ shots, takes, tools, onContinueFrom }: CutCheckProps) {
  const [own] = useState(() => tools ?? browserCutTools())
  const cuts = cutsOf(shots, takes)
  const results = useCutChecks(cuts, own)
  const heading = useId()
  if (cuts.length === 0) return null
  return (
    <section aria-labelledby={heading} className="flex flex-col gap-2">
      <h3 id={heading} className="text-sm font-semibold text-ink-200">
        Cuts
      </h3>
      <ol className="flex flex-col gap-2">
        {cuts.map((cut, index) => (
          <CutRow
            // A cut is its place in the order: it has no id of its own.
            key={index}
            index={index}
            outcome={cut && results.get(cut.key)}
            readable={cut !== undefined}
            onContinueFrom={onContinueFrom}
          />
        ))}
      </ol>
    </section>
  )
}

interface CutRowProps {
  index: number
  outcome: CutOutcome | undefined
  /** Both takes are known and on the studio's origin. */
  readable: boolean
  onContinueFrom?: (shotIndex: number) => void
}

function CutRow({ index, outcome, readable, onContinueFrom }: CutRowProps) {
  const name = `Shot ${index + 1} → ${index + 2}`
  const status = !readable
    ? 'waiting for both takes'
    : !outcome
      ? 'checking…'
      : outcome.state === 'failed'
        ? `not checked: ${outcome.message}`
        : outcome.measure.jumps
          ? `jumps: ${figures(outcome.measure)}`
          : 'smooth'
  const jumped = outcome?.state === 'checked' && outcome.measure.jumps ? outcome : undefined
  return (
    <li aria-label={name} className="flex flex-col gap-2 rounded-lg border border-ink-700 bg-ink-900 p-2 text-sm">
      <p className="flex flex-wrap gap-x-2">
        <span className="font-medium text-ink-100">{name}</span>
        <span className={jumped ? 'text-amber-200' : 'text-ink-400'}>
          {jumped && <span aria-hidden="true">⚠ </span>}
          {status}
        </span>
      </p>
      {jumped && (
        <div className="flex flex-wrap items-end gap-2">
          <figure className="flex flex-col gap-1">
            <img src={jumped.outgoingImage} alt={`Shot ${index + 1}’s last frame`} className="h-20 rounded bg-black" />
            <figcaption className="text-xs text-ink-400">{`Shot ${index + 1} ends`}</figcaption>
          </figure>
          <figure className="flex flex-col gap-1">
            <img src={jumped.incomingImage} alt={`Shot ${index + 2}’s first frame`} className="h-20 rounded bg-black" />
            <figcaption className="text-xs text-ink-400">{`Shot ${index + 2} starts`}</figcaption>
          </figure>
          {onContinueFrom && (
            <button
              type="button"
              className="rounded-lg border border-ink-600 px-3 py-1.5 text-sm text-ink-200 hover:bg-ink-800"
              onClick={() => onContinueFrom(index)}
            >
              Continue from frame…
            </button>
          )}
        </div>
      )}
    </li>
  )
}
