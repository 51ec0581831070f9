import type { ScorecardRow } from '@/catalog/review-contract'

interface ScorecardChartProps {
  models: ScorecardRow[]
  name: (id: string) => string
}

const ROW = 26
const LABEL = 120
const WIDTH = 480
const BAR = WIDTH - LABEL - 56
// The Spend chart's colours: the accent for what counts, the axis grey for the rest.
const PICK = '#f97316'
const REJECT = '#3a3a48'

/** Each model's picks and rejects as one bar (SVG, drawn by hand: no chart library for a few rectangles). */
export function ScorecardChart({ models, name }: ScorecardChartProps) {
  const rated = models.filter((m) => m.picks + m.rejects > 0)
  if (rated.length === 0) return <p className="text-sm text-ink-400">No takes picked or rejected in this range yet.</p>
  const most = Math.max(...rated.map((m) => m.picks + m.rejects))
  const summary = rated.map((m) => `${name(m.model)} ${m.picks} picked of ${m.picks + m.rejects}`).join('; ')
  return (
    <svg
      role="img"
      aria-label={`Picks and rejects per model: ${summary}`}
      viewBox={`0 0 ${WIDTH} ${rated.length * ROW}`}
      className="w-full max-w-xl"
    >
      {rated.map((m, i) => {
        const y = i * ROW
        const picks = (m.picks / most) * BAR
        const rejects = (m.rejects / most) * BAR
        return (
          <g key={m.model}>
            <text x={0} y={y + 17} fill="#c9c9d6" fontSize={12}>
              {name(m.model)}
            </text>
            <rect x={LABEL} y={y + 5} width={picks} height={16} rx={2} fill={PICK} />
            <rect x={LABEL + picks} y={y + 5} width={rejects} height={16} rx={2} fill={REJECT} />
            <text x={LABEL + picks + rejects + 6} y={y + 17} fill="#8b8ba0" fontSize={11}>
              {Math.round((m.picks / (m.picks + m.rejects)) * 100)}%
            </text>
          </g>
        )
      })}
    </svg>
  )
}
