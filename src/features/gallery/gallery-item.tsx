import { memo, type CSSProperties, type KeyboardEvent } from 'react'
import type { Rating } from '@/catalog/quality-contract'
import { RatingButtons } from '@/components/rating-buttons'
import { StatusBadge } from '@/components/status-badge'
import { TrashIcon } from '@/components/trash-icon'
import { isUnfinished, statusWord, videoUrlOf, type RenderRecord } from '@/features/renders/render-record'
import { takeDownload } from '@/features/renders/take-download'
import { FlagChips, flagsSummary } from '@/features/quality/flag-badges'
import { useQualityCheck } from '@/features/quality/use-quality-check'
import { cardFacts } from './card-facts'
import { cornerClass, FactLine, IconButton, iconButtonClass, OpenCommentsBadge, SpecChips } from './card-parts'
import type { CardSizeSpec } from './card-size'
import { Icon } from './gallery-icons'
import { ItemMedia } from './item-media'
import { ItemNotice } from './item-notice'
import { useNow } from './use-now'

export interface ItemActions {
  open: (record: RenderRecord) => void
  rerun: (record: RenderRecord) => void
  variations: (record: RenderRecord) => void
  remix: (record: RenderRecord) => void
  lineage: (record: RenderRecord) => void
  addToSequence: (record: RenderRecord) => void
  /** A review link to the finished takes of a stack (one take: a link to that take). */
  shareGroup: (members: readonly RenderRecord[]) => void
  favourite: (record: RenderRecord) => void
  rate: (record: RenderRecord, rating: Rating) => void
  remove: (record: RenderRecord) => void
  checkAgain: (record: RenderRecord) => void
  sendAgain: (record: RenderRecord) => void
  toggleSelected: (record: RenderRecord) => void
  hover: (record: RenderRecord, hovering: boolean) => void
}

/** Where a tile sits and how it takes keys and focus: the grid's part of every tile (plain values, so that a tile
 * whose placement and record did not change is not drawn again when the grid scrolls). */
export interface TilePlacement {
  index: number
  /** The number of tiles, or -1 while older pages are still to load. */
  setSize: number
  focusable: boolean
  x: number
  y: number
  width: number
  height: number
  mediaHeight: number
  size: CardSizeSpec
  onKeyDown: (event: KeyboardEvent<HTMLLIElement>, index: number) => void
  onFocus: (index: number) => void
}

export function tileStyle(placement: TilePlacement): CSSProperties {
  return {
    position: 'absolute',
    top: 0,
    left: 0,
    width: placement.width,
    height: placement.height,
    transform: `translate(${placement.x}px, ${placement.y}px)`,
  }
}

const shallowEqual = (a: object, b: object) => {
  const keys = Object.keys(a) as (keyof typeof a)[]
  return keys.length === Object.keys(b).length && keys.every((key) => a[key] === b[key])
}

interface GalleryItemProps {
  record: RenderRecord
  placement: TilePlacement
  modelName: string
  previewing: boolean
  /** undefined outside selection mode. */
  selected: boolean | undefined
  canSelectMore: boolean
  /** Shown as one of an open stack's takes. */
  inGroup: boolean
  actions: ItemActions
}

/** A take's card; drawn again only when its record, its placement or what it is told changes. */
export const GalleryItem = memo(TakeCard, (before, after) => {
  const { placement: placedBefore, ...restBefore } = before
  const { placement: placedAfter, ...restAfter } = after
  return shallowEqual(placedBefore, placedAfter) && shallowEqual(restBefore, restAfter)
})

function TakeCard(props: GalleryItemProps) {
  const { record, placement, modelName, previewing, selected, actions } = props
  const now = useNow(isUnfinished(record) && !record.stale)
  const facts = cardFacts(record, modelName, now)
  const download = takeDownload(record)
  const flags = record.qualityFlags ?? []
  useQualityCheck(record)
  return (
    <li
      data-index={placement.index}
      aria-posinset={placement.index + 1}
      aria-setsize={placement.setSize}
      tabIndex={placement.focusable ? 0 : -1}
      style={tileStyle(placement)}
      onKeyDown={(event) => placement.onKeyDown(event, placement.index)}
      onFocus={(event) => event.target === event.currentTarget && placement.onFocus(placement.index)}
      onMouseEnter={() => actions.hover(record, true)}
      onMouseLeave={() => actions.hover(record, false)}
      className={`flex flex-col overflow-hidden rounded-xl border bg-ink-900 focus-visible:border-accent-400 focus-visible:outline-2 focus-visible:outline-accent-400 ${
        props.inGroup ? 'border-accent-500/40' : 'border-ink-700'
      }`}
    >
      <div className="relative shrink-0" style={{ height: placement.mediaHeight }}>
        <button
          type="button"
          className="block h-full w-full text-left"
          tabIndex={-1}
          onClick={() => actions.open(record)}
          aria-label={`Open ${record.input.prompt}`}
        >
          <ItemMedia record={record} previewing={previewing} />
        </button>
        <span className="pointer-events-none absolute top-1.5 left-1.5">
          <StatusBadge word={statusWord(record)} />
        </span>
        <div className="absolute top-1.5 right-1.5 flex gap-1">
          {selected !== undefined && (
            <input
              type="checkbox"
              checked={selected}
              disabled={!videoUrlOf(record) || (!selected && !props.canSelectMore)}
              onChange={() => actions.toggleSelected(record)}
              aria-label="Select for compare"
              className={`${cornerClass} accent-accent-500`}
            />
          )}
          <button
            type="button"
            aria-label="Favourite"
            title={record.favourite ? 'Favourite (click to unmark)' : 'Favourite'}
            aria-pressed={record.favourite}
            onClick={() => actions.favourite(record)}
            className={`${cornerClass} ${record.favourite ? 'text-accent-400' : 'text-ink-200'}`}
          >
            {record.favourite ? '★' : '☆'}
          </button>
          <button
            type="button"
            aria-label="Delete"
            title="Delete (Undo follows)"
            onClick={() => actions.remove(record)}
            className={`${cornerClass} text-ink-200 hover:text-red-300`}
          >
            <TrashIcon />
          </button>
        </div>
        {flags.length > 0 && (
          <div className="absolute bottom-1.5 left-1.5">
            <FlagChips flags={flags} />
          </div>
        )}
        <ItemNotice record={record} now={now} actions={actions} />
      </div>
      <div className="flex min-h-0 flex-col gap-1 p-2.5" style={{ height: placement.size.infoHeight }}>
        <p
          className={`text-sm leading-5 text-ink-200 ${placement.size.promptLines === 1 ? 'truncate' : 'line-clamp-2 h-10'}`}
          title={record.input.prompt}
        >
          {record.input.prompt}
        </p>
        <SpecChips specs={facts.specs} />
        <FactLine facts={[facts.seed, facts.made, facts.author]} />
        <FactLine facts={[facts.cost, facts.time]} className="text-ink-300" />
        <div className="mt-auto flex items-center gap-0.5">
          <IconButton
            label="Re-run"
            icon="rerun"
            // A double click is one re-run, even where the new take moved another's Re-run under the pointer.
            onClick={(event) => event.detail < 2 && actions.rerun(record)}
            warning={flags.length ? `${flagsSummary(flags)}. Re-run makes a new take.` : undefined}
          />
          <IconButton label="Variations" icon="variations" onClick={() => actions.variations(record)} />
          <IconButton label="Remix" icon="remix" onClick={() => actions.remix(record)} />
          <IconButton label="Lineage" icon="lineage" onClick={() => actions.lineage(record)} />
          <IconButton
            label="Add to sequence"
            icon="sequence"
            onClick={() => actions.addToSequence(record)}
            disabledWhy={record.status === 'succeeded' ? undefined : 'Add to sequence (when the take is ready)'}
          />
          {download ? (
            <a
              href={download.href}
              download={download.fileName}
              aria-label="Download"
              title="Download"
              className={iconButtonClass}
            >
              <Icon name="download" />
            </a>
          ) : (
            <span
              role="link"
              aria-label="Download"
              aria-disabled="true"
              title="Download (when the take is ready)"
              className={`${iconButtonClass} cursor-not-allowed text-ink-600 hover:bg-transparent hover:text-ink-600`}
            >
              <Icon name="download" />
            </span>
          )}
          <div className="ml-auto flex items-center gap-0.5">
            {!!record.openComments && (
              <OpenCommentsBadge count={record.openComments} onOpen={() => actions.open(record)} />
            )}
            <RatingButtons compact rating={record.rating} onRate={(rating) => actions.rate(record, rating)} />
          </div>
        </div>
      </div>
    </li>
  )
}
