import type { Shot } from '@/catalog/sequence-contract'
import { posterOf } from '@/features/renders/poster'
import type { RenderRecord } from '@/features/renders/render-record'
import { formatSeconds } from './shot-edits'

interface ShotCardProps {
  shot: Shot
  index: number
  count: number
  take: RenderRecord | undefined
  modelName: string
  selected: boolean
  onSelect: () => void
  /** Moves this shot `by` places (−1 earlier, 1 later) from where it is by then. */
  onMoveBy: (by: number) => void
  /** Puts the shot dragged here (by its id) in this one's place. */
  onDropShot: (shotId: string) => void
  onRemove: () => void
}

const DRAG_TYPE = 'application/x-studio-shot'
const buttonClass =
  'rounded-md px-1.5 py-0.5 text-xs text-ink-300 hover:bg-ink-700 hover:text-ink-100 disabled:opacity-30'

/** One shot in the strip: its active take's still, model, trimmed length and credits; dragged or moved by keys. */
export function ShotCard({
  shot,
  index,
  count,
  take,
  modelName,
  selected,
  onSelect,
  onMoveBy,
  onDropShot,
  onRemove,
}: ShotCardProps) {
  const poster = take && posterOf(take)
  const label = `Shot ${index + 1}: ${modelName}, ${formatSeconds(shot.outMs - shot.inMs)}`
  return (
    <li
      aria-label={label}
      aria-current={selected || undefined}
      tabIndex={0}
      draggable
      onDragStart={(event) => {
        event.dataTransfer.setData(DRAG_TYPE, shot.id)
        event.dataTransfer.effectAllowed = 'move'
      }}
      onDragOver={(event) => {
        if (event.dataTransfer.types.includes(DRAG_TYPE)) event.preventDefault()
      }}
      onDrop={(event) => {
        event.preventDefault()
        const dragged = event.dataTransfer.getData(DRAG_TYPE)
        if (dragged && dragged !== shot.id) onDropShot(dragged)
      }}
      onKeyDown={(event) => {
        if (!event.altKey || event.target !== event.currentTarget) return
        // Keys can come faster than the strip shows each move: where the shot is by then is the view's to say.
        if (event.key === 'ArrowLeft') onMoveBy(-1)
        else if (event.key === 'ArrowRight') onMoveBy(1)
        else return
        event.preventDefault()
      }}
      onClick={onSelect}
      className={`flex w-40 shrink-0 cursor-grab flex-col gap-1 rounded-lg border p-1.5 outline-none focus-visible:ring-2 focus-visible:ring-accent-400 ${selected ? 'border-accent-500 bg-ink-800' : 'border-ink-700 bg-ink-900'}`}
    >
      <div className="aspect-video overflow-hidden rounded bg-black">
        {poster && <img src={poster} alt="" className="h-full w-full object-cover" draggable={false} />}
      </div>
      <div className="flex items-baseline justify-between gap-1 text-xs">
        <span className="truncate text-ink-200">{`${index + 1}. ${modelName}`}</span>
        <span className="shrink-0 text-ink-400 tabular-nums">{formatSeconds(shot.outMs - shot.inMs)}</span>
      </div>
      <div className="flex items-center justify-between gap-1">
        <span className="text-xs text-ink-400">
          {typeof take?.billableCredits === 'number' ? `${take.billableCredits} credits` : 'credits unknown'}
        </span>
        <span className="flex">
          <button
            type="button"
            aria-label="Move earlier"
            title="Move earlier (Alt+←)"
            className={buttonClass}
            disabled={index === 0}
            onClick={(e) => {
              e.stopPropagation()
              onMoveBy(-1)
            }}
          >
            ←
          </button>
          <button
            type="button"
            aria-label="Move later"
            title="Move later (Alt+→)"
            className={buttonClass}
            disabled={index === count - 1}
            onClick={(e) => {
              e.stopPropagation()
              onMoveBy(1)
            }}
          >
            →
          </button>
          <button
            type="button"
            aria-label="Remove shot"
            title="Remove shot"
            className={buttonClass}
            onClick={(e) => {
              e.stopPropagation()
              onRemove()
            }}
          >
            ×
          </button>
        </span>
      </div>
    </li>
  )
}
