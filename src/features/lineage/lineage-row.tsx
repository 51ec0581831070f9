import type { Relation } from '@/catalog/render-contract'
import { StatusBadge } from '@/components/status-badge'
import { posterOf } from '@/features/renders/poster'
import { statusWord, videoUrlOf } from '@/features/renders/render-record'
import type { BranchTotal, LineageNode } from './lineage-tree'
import { readable } from '@/catalog/wording'

const HOW: Record<Relation, string> = {
  rerun: 'Re-run',
  variation: 'Variation',
  remix: 'Remix',
  continue: 'Continued clip',
  shootout: 'Shoot-out',
  'last-frame': 'From last frame',
}

/** At most this many steps of indent: deeper branches line up at the last step. */
const MAX_INDENT = 10
const buttonClass =
  'rounded-md border border-ink-600 px-2 py-1 text-xs text-ink-200 hover:bg-ink-800 focus-visible:outline-2 focus-visible:outline-accent-400'

export const creditsOf = (n: number) => `${readable(n)} credits`

export function totalText(total: BranchTotal): string {
  const unbilled = total.unbilled ? `, ${total.unbilled} not billed yet` : ''
  return `${total.renders} renders · ${creditsOf(total.credits)}${unbilled}`
}

interface LineageRowProps {
  node: LineageNode
  modelName: string
  /** The render the view was opened from. */
  current: boolean
  /** undefined for a render nothing was made from. */
  open: boolean | undefined
  selected: boolean
  canSelectMore: boolean
  onToggle: () => void
  onOpen: () => void
  onRerun: () => void
  onSelect: () => void
}

/** One render of the family: how it was made, its thumbnail, model, status and credits, and what to do with it. */
export function LineageRow(props: LineageRowProps) {
  const { node, modelName, current, open } = props
  const { record } = node
  const poster = posterOf(record)
  const how = node.depth === 0 ? 'First render' : record.relation ? HOW[record.relation] : 'Made from it'
  const label = `${how}: ${modelName}, ${statusWord(record)}`
  return (
    <li
      aria-label={label}
      aria-current={current || undefined}
      style={{ paddingLeft: Math.min(node.depth, MAX_INDENT) * 20 }}
      className="flex items-center gap-2 py-1"
    >
      {open === undefined ? (
        <span className="w-6 shrink-0" aria-hidden="true" />
      ) : (
        <button
          type="button"
          aria-expanded={open}
          aria-label={`${open ? 'Hide' : 'Show'} the ${node.total.renders - 1} made from this`}
          onClick={props.onToggle}
          className="w-6 shrink-0 rounded text-ink-400 hover:text-ink-200 focus-visible:outline-2 focus-visible:outline-accent-400"
        >
          {open ? '▾' : '▸'}
        </button>
      )}
      <div
        className={`flex min-w-0 flex-1 flex-wrap items-center gap-x-3 gap-y-1 rounded-lg border p-1.5 ${current ? 'border-accent-500/70' : 'border-ink-700'}`}
      >
        {poster ? (
          <img src={poster} alt="" loading="lazy" className="h-9 w-16 shrink-0 rounded bg-black object-cover" />
        ) : (
          <span className="h-9 w-16 shrink-0 rounded bg-ink-800" aria-hidden="true" />
        )}
        <span className="flex min-w-0 flex-col">
          <span className="truncate text-sm text-ink-200">{`${how} · ${modelName}${record.deleted ? ' (deleted)' : ''}`}</span>
          <span className="truncate text-xs text-ink-400" title={record.input.prompt}>
            {record.input.prompt}
          </span>
        </span>
        <StatusBadge word={statusWord(record)} />
        <span className="text-xs text-ink-300">
          {typeof record.billableCredits === 'number' ? creditsOf(record.billableCredits) : '— credits'}
        </span>
        {node.children.length > 0 && (
          <span className="text-xs text-ink-400" title="This render and everything made from it">
            {`branch: ${totalText(node.total)}`}
          </span>
        )}
        <span className="ml-auto flex items-center gap-1.5">
          <button type="button" className={buttonClass} onClick={props.onOpen} aria-label={`Open ${label}`}>
            Open
          </button>
          <button type="button" className={buttonClass} onClick={props.onRerun} aria-label={`Re-run ${label}`}>
            Re-run
          </button>
          <label className="flex items-center gap-1 text-xs text-ink-400">
            <input
              type="checkbox"
              checked={props.selected}
              disabled={!videoUrlOf(record) || (!props.selected && !props.canSelectMore)}
              onChange={props.onSelect}
              aria-label={`Compare ${label}`}
              className="accent-accent-500"
            />
            Compare
          </label>
        </span>
      </div>
    </li>
  )
}
