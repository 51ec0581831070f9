import type { CSSProperties, KeyboardEvent } from 'react'
import { StatusBadge } from '@/components/status-badge'
import { TrashIcon } from '@/components/trash-icon'
import { durationOf, isUnfinished, statusWord, videoUrlOf, type RenderRecord } from '@/features/renders/render-record'
import { takeDownload } from '@/features/renders/take-download'
import { ItemMedia } from './item-media'
import { ItemNotice } from './item-notice'
import { useNow } from './use-now'

export interface ItemActions {
  open: (record: RenderRecord) => void
  rerun: (record: RenderRecord) => void
  variations: (record: RenderRecord) => void
  remix: (record: RenderRecord) => void
  favourite: (record: RenderRecord) => void
  remove: (record: RenderRecord) => void
  checkAgain: (record: RenderRecord) => void
  sendAgain: (record: RenderRecord) => void
  toggleSelected: (record: RenderRecord) => void
  hover: (record: RenderRecord, hovering: boolean) => void
}

interface GalleryItemProps {
  record: RenderRecord
  index: number
  /** The number of renders, or -1 while older pages are still to load. */
  setSize: number
  modelName: string
  focusable: boolean
  previewing: boolean
  /** undefined outside selection mode. */
  selected: boolean | undefined
  canSelectMore: boolean
  style: CSSProperties
  actions: ItemActions
  onKeyDown: (event: KeyboardEvent<HTMLLIElement>, record: RenderRecord, index: number) => void
  onFocus: (index: number) => void
}

const actionClass = 'rounded-md px-1.5 py-1 text-xs text-ink-200 hover:bg-ink-700'
const cornerClass = 'flex h-7 w-7 items-center justify-center rounded-md bg-ink-950/70 text-sm hover:bg-ink-950'

export function GalleryItem(props: GalleryItemProps) {
  const { record, index, setSize, modelName, focusable, previewing, selected, style, actions } = props
  const unfinished = isUnfinished(record)
  const now = useNow(unfinished && !record.stale)
  const duration = durationOf(record)
  const download = takeDownload(record)
  return (
    <li
      data-index={index}
      aria-posinset={index + 1}
      aria-setsize={setSize}
      tabIndex={focusable ? 0 : -1}
      style={style}
      onKeyDown={(event) => props.onKeyDown(event, record, index)}
      onFocus={(event) => event.target === event.currentTarget && props.onFocus(index)}
      onMouseEnter={() => actions.hover(record, true)}
      onMouseLeave={() => actions.hover(record, false)}
      className="flex flex-col overflow-hidden rounded-xl border border-ink-700 bg-ink-900 focus-visible:border-accent-400"
    >
      <div className="relative">
        <button
          type="button"
          className="block w-full text-left"
          tabIndex={-1}
          onClick={() => actions.open(record)}
          aria-label={`Open ${record.input.prompt}`}
        >
          <ItemMedia record={record} previewing={previewing} />
        </button>
        <div className="absolute top-1.5 right-1.5 flex gap-1">
          {selected !== undefined && (
            <input
              type="checkbox"
              checked={selected}
              disabled={!videoUrlOf(record) || (!selected && !props.canSelectMore)}
              onChange={() => actions.toggleSelected(record)}
              aria-label="Select for compare"
              className={`${cornerClass} h-7 w-7 accent-accent-500`}
            />
          )}
          <button
            type="button"
            aria-label="Favourite"
            aria-pressed={record.favourite}
            onClick={() => actions.favourite(record)}
            className={`${cornerClass} ${record.favourite ? 'text-accent-400' : 'text-ink-200'}`}
          >
            {record.favourite ? '★' : '☆'}
          </button>
          <button
            type="button"
            aria-label="Delete"
            onClick={() => actions.remove(record)}
            className={`${cornerClass} text-ink-200 hover:text-red-300`}
          >
            <TrashIcon />
          </button>
        </div>
      </div>
      <div className="flex min-h-0 flex-1 flex-col gap-1.5 p-3">
        <p className="line-clamp-2 h-10 text-sm text-ink-200" title={record.input.prompt}>
          {record.input.prompt}
        </p>
        <div className="flex items-center gap-1.5 overflow-hidden text-xs whitespace-nowrap">
          <span className="truncate rounded-full bg-ink-800 px-2 py-0.5 text-ink-200">{modelName}</span>
          {duration !== undefined && (
            <span className="rounded-full bg-ink-800 px-2 py-0.5 text-ink-400">{duration} s</span>
          )}
          <span className="ml-auto">
            <StatusBadge word={statusWord(record)} />
          </span>
        </div>
        <ItemNotice record={record} now={now} actions={actions} />
        <div className="mt-auto flex items-center justify-between">
          <button type="button" className={actionClass} onClick={() => actions.rerun(record)}>
            Re-run
          </button>
          <button type="button" className={actionClass} onClick={() => actions.variations(record)}>
            Variations
          </button>
          <button type="button" className={actionClass} onClick={() => actions.remix(record)}>
            Remix
          </button>
          {download ? (
            <a href={download.href} download={download.fileName} className={actionClass}>
              Download
            </a>
          ) : (
            <span className={`${actionClass} cursor-not-allowed text-ink-600`} aria-disabled="true">
              Download
            </span>
          )}
        </div>
      </div>
    </li>
  )
}
