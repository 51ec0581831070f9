import { useWindowVirtualizer } from '@tanstack/react-virtual'
import { useEffect, useRef, useState, type KeyboardEvent } from 'react'
import type { RenderRecord } from '@/features/renders/render-record'
import { GalleryItem, type ItemActions } from './gallery-item'
import { columnsFor, movedIndex } from './gallery-view'
import { useContainerWidth } from './use-container-width'
import { useDocumentTop } from './use-document-top'

const MIN_ITEM_WIDTH = 250
const GAP = 16
const ROW_HEIGHT = 320
/** The next page is asked for when the rows in the DOM reach this close to the last loaded row. */
const NEAR_END_ROWS = 3

interface GalleryGridProps {
  renders: RenderRecord[]
  /** Whether `renders` is all there is (else the list's size is unknown to assistive technology). */
  complete: boolean
  /** Called when the rows in view near the end of what is loaded. */
  onNearEnd: () => void
  modelName: (id: string) => string
  previewId: string | undefined
  /** undefined outside selection mode. */
  selectedIds: Set<string> | undefined
  canSelectMore: boolean
  actions: ItemActions
  togglePreview: (record: RenderRecord) => void
}

/**
 * A window-scrolled, virtualized grid: only the rows near the viewport exist in the DOM, so thousands
 * of renders cost what a screenful does. Arrow keys move a roving focus between items.
 */
export function GalleryGrid(props: GalleryGridProps) {
  const { renders, complete, onNearEnd, modelName, previewId, selectedIds, canSelectMore, actions, togglePreview } =
    props
  const listRef = useRef<HTMLUListElement>(null)
  const width = useContainerWidth(listRef, 960)
  const columns = columnsFor(width, MIN_ITEM_WIDTH, GAP)
  const itemWidth = (width - GAP * (columns - 1)) / columns
  const rowCount = Math.ceil(renders.length / columns)
  const scrollMargin = useDocumentTop(listRef)
  const [focusIndex, setFocusIndex] = useState(0)
  const pendingFocus = useRef<number | undefined>(undefined)

  const virtualizer = useWindowVirtualizer({
    count: rowCount,
    estimateSize: () => ROW_HEIGHT + GAP,
    overscan: 2,
    scrollMargin,
  })

  const activeIndex = Math.min(focusIndex, Math.max(0, renders.length - 1))
  const lastRowInView = virtualizer.getVirtualItems().at(-1)?.index

  useEffect(() => {
    if (lastRowInView !== undefined && lastRowInView >= rowCount - NEAR_END_ROWS) onNearEnd()
  }, [lastRowInView, rowCount, onNearEnd])

  useEffect(() => {
    if (pendingFocus.current === undefined) return
    const item = listRef.current?.querySelector<HTMLElement>(`[data-index="${pendingFocus.current}"]`)
    if (item) {
      item.focus({ preventScroll: true })
      pendingFocus.current = undefined
    }
  })

  const onKeyDown = (event: KeyboardEvent<HTMLLIElement>, record: RenderRecord, index: number) => {
    if (event.target !== event.currentTarget) return
    const next = movedIndex(event.key, index, columns, renders.length)
    if (next !== undefined) {
      event.preventDefault()
      pendingFocus.current = next
      setFocusIndex(next)
      virtualizer.scrollToIndex(Math.floor(next / columns), { align: 'auto' })
      return
    }
    const key = event.key.length === 1 ? event.key.toLowerCase() : event.key
    const handlers: Record<string, () => void> = {
      Enter: () => actions.open(record),
      ' ': () => togglePreview(record),
      f: () => actions.favourite(record),
      Delete: () => {
        pendingFocus.current = Math.min(index, renders.length - 2)
        actions.remove(record)
      },
    }
    const handler = handlers[key]
    if (handler) {
      event.preventDefault()
      handler()
    }
  }

  return (
    <ul ref={listRef} className="relative w-full" style={{ height: virtualizer.getTotalSize() }}>
      {virtualizer.getVirtualItems().flatMap((row) =>
        renders.slice(row.index * columns, row.index * columns + columns).map((record, column) => {
          const index = row.index * columns + column
          return (
            <GalleryItem
              key={record.localId}
              record={record}
              index={index}
              setSize={complete ? renders.length : -1}
              modelName={modelName(record.input.model)}
              focusable={index === activeIndex}
              previewing={previewId === record.localId}
              selected={selectedIds ? selectedIds.has(record.localId) : undefined}
              canSelectMore={canSelectMore}
              actions={actions}
              onKeyDown={onKeyDown}
              onFocus={setFocusIndex}
              style={{
                position: 'absolute',
                top: 0,
                left: column * (itemWidth + GAP),
                width: itemWidth,
                height: ROW_HEIGHT,
                transform: `translateY(${row.start - scrollMargin}px)`,
              }}
            />
          )
        }),
      )}
    </ul>
  )
}
