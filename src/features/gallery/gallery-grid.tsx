import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react'
import type { RenderRecord } from '@/features/renders/render-record'
import { CARD_SIZES, type CardSize } from './card-size'
import { GalleryItem, type ItemActions, type TilePlacement } from './gallery-item'
import { masonry, movedIndex, ratioOf, visibleRange } from './gallery-layout'
import { tileKey, type Tile } from './gallery-tiles'
import { coverOf, GroupCard, STACK_EDGE_PX } from './group-card'
import { useContainerWidth } from './use-container-width'
import { useScrollViewport } from './use-scroll-viewport'

const GAP = 12
/** The next page is asked for when the tiles drawn reach this many rows from the last one loaded. */
const NEAR_END_ROWS = 3

interface GalleryGridProps {
  tiles: Tile[]
  /** Whether the tiles are all there is (else the list's size is unknown to assistive technology). */
  complete: boolean
  /** Called when the tiles drawn near the end of what is loaded. */
  onNearEnd: () => void
  size: CardSize
  modelName: (id: string) => string
  previewId: string | undefined
  /** undefined outside selection mode. */
  selectedIds: Set<string> | undefined
  canSelectMore: boolean
  actions: ItemActions
  togglePreview: (record: RenderRecord) => void
  toggleGroup: (key: string) => void
}

const recordOf = (tile: Tile) => (tile.kind === 'take' ? tile.record : coverOf(tile.members))
const ratioOfTile = (tile: Tile) => {
  const record = recordOf(tile)
  return ratioOf(record.output?.aspect_ratio ?? record.input.aspect_ratio)
}

/**
 * A masonry of the takes at their own aspect ratios, of which only the tiles near the view exist in the DOM, so
 * thousands of renders cost what a screenful does (whether the window or the gallery's own column scrolls). Arrow
 * keys move a roving focus between tiles.
 */
export function GalleryGrid(props: GalleryGridProps) {
  const { tiles, complete, onNearEnd, modelName, previewId, selectedIds, canSelectMore, actions } = props
  const listRef = useRef<HTMLUListElement>(null)
  const width = useContainerWidth(listRef, 960)
  const size = CARD_SIZES[props.size]
  const layout = useMemo(
    () =>
      masonry(
        tiles.map((tile) => ({
          ratio: ratioOfTile(tile),
          extraHeight: size.infoHeight + (tile.kind === 'group' ? STACK_EDGE_PX : 0),
        })),
        width,
        size.minColumnWidth,
        GAP,
      ),
    [tiles, width, size],
  )
  const { viewport, reveal } = useScrollViewport(listRef)
  const { start, end } = visibleRange(layout, viewport.top, viewport.bottom)
  const [focusIndex, setFocusIndex] = useState(0)
  const pendingFocus = useRef<number | undefined>(undefined)
  const activeIndex = Math.min(focusIndex, Math.max(0, tiles.length - 1))

  useEffect(() => {
    if (end >= tiles.length - layout.columns * NEAR_END_ROWS) onNearEnd()
  }, [end, tiles.length, layout.columns, onNearEnd])

  useEffect(() => {
    if (pendingFocus.current === undefined) return
    const item = listRef.current?.querySelector<HTMLElement>(`[data-index="${pendingFocus.current}"]`)
    if (item) {
      item.focus({ preventScroll: true })
      pendingFocus.current = undefined
    }
  })

  const handleKey = (event: KeyboardEvent<HTMLLIElement>, index: number) => {
    if (event.target !== event.currentTarget) return
    const tile = tiles[index]
    if (!tile) return
    const next = movedIndex(event.key, index, layout.boxes)
    if (next !== undefined) {
      event.preventDefault()
      pendingFocus.current = next
      setFocusIndex(next)
      const box = layout.boxes[next]!
      reveal(box.y, box.height)
      return
    }
    const key = event.key.length === 1 ? event.key.toLowerCase() : event.key
    const record = recordOf(tile)
    const handlers: Record<string, () => void> =
      tile.kind === 'group'
        ? { Enter: () => props.toggleGroup(tile.key), ' ': () => props.togglePreview(record) }
        : {
            Enter: () => actions.open(record),
            ' ': () => props.togglePreview(record),
            f: () => actions.favourite(record),
            p: () => actions.rate(record, 'pick'),
            x: () => actions.rate(record, 'reject'),
            Delete: () => {
              pendingFocus.current = Math.min(index, tiles.length - 2)
              actions.remove(record)
            },
          }
    const handler = handlers[key]
    if (handler) {
      event.preventDefault()
      handler()
    }
  }
  // One handler for every tile, which always runs the latest `handleKey`: the tiles need not be drawn again.
  const latestKeyHandler = useRef(handleKey)
  useEffect(() => {
    latestKeyHandler.current = handleKey
  })
  const onKeyDown = useCallback(
    (event: KeyboardEvent<HTMLLIElement>, index: number) => latestKeyHandler.current(event, index),
    [],
  )

  return (
    <ul ref={listRef} className="relative w-full" style={{ height: layout.height }}>
      {tiles.slice(start, end).map((tile, offset) => {
        const index = start + offset
        const box = layout.boxes[index]!
        const placement: TilePlacement = {
          index,
          setSize: complete ? tiles.length : -1,
          focusable: index === activeIndex,
          x: box.x,
          y: box.y,
          width: box.width,
          height: box.height,
          mediaHeight: box.mediaHeight,
          size,
          onKeyDown,
          onFocus: setFocusIndex,
        }
        return tile.kind === 'group' ? (
          <GroupCard
            key={tileKey(tile)}
            tile={tile}
            placement={placement}
            modelName={modelName}
            previewId={previewId}
            actions={actions}
            onToggle={props.toggleGroup}
          />
        ) : (
          <GalleryItem
            key={tileKey(tile)}
            record={tile.record}
            placement={placement}
            modelName={modelName(tile.record.input.model)}
            previewing={previewId === tile.record.localId}
            selected={selectedIds ? selectedIds.has(tile.record.localId) : undefined}
            canSelectMore={canSelectMore}
            inGroup={tile.inGroup !== undefined}
            actions={actions}
          />
        )
      })}
    </ul>
  )
}
