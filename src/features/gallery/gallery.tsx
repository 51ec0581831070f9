import { useQuery } from '@tanstack/react-query'
import { Suspense, useCallback, useMemo, useState } from 'react'
import type { Catalog } from '@/catalog/catalog-schema'
import type { VideoInput } from '@/catalog/request-schema'
import { ToastSlot } from '@/components/toast'
import { VariationsDialog } from '@/components/variations-dialog'
import { SHARE_SIZES } from '@/catalog/share-contract'
import type { ShareTarget } from '@/features/review/share-dialog'
import { isShareable, type RenderRecord } from '@/features/renders/render-record'
import { useRenderActions } from '@/features/renders/use-render-actions'
import { MAX_VARIATIONS, MIN_VARIATIONS } from '@/features/renders/variations'
import { readDisplayName } from '@/lib/display-name'
import { lazyWithRetry } from '@/lib/lazy-with-retry'
import { useCardSize } from './card-size'
import { GalleryFileButtons } from './gallery-file-buttons'
import { GalleryGrid } from './gallery-grid'
import type { ItemActions } from './gallery-item'
import { GalleryNotes } from './gallery-notes'
import { meQuery } from '@/features/credits/who-am-i'
import { peopleQuery } from './gallery-queries'
import { galleryTiles } from './gallery-tiles'
import { GalleryToolbar } from './gallery-toolbar'
import { isFiltered, NO_FILTERS } from './gallery-view'
import { useGalleryRenders } from './use-gallery-renders'
import { useHoverPreview } from './use-hover-preview'
import { useStableCallbacks } from './use-stable-callbacks'
import { useToast } from './use-toast'
import { WhatsNew } from './whats-new'

interface GalleryProps {
  catalog: Catalog
  onOpen: (record: RenderRecord) => void
  /** Loads a render's input into the composer; what is made from it is a remix of `parentId`. */
  onRemix: (input: VideoInput, parentId: string) => void
  onCompare: (records: RenderRecord[]) => void
  onLineage: (record: RenderRecord) => void
  onShare: (target: ShareTarget) => void
  /** Opens a sequence in the Sequence view. */
  onOpenSequence: (id: string) => void
}

const AddToSequenceDialog = lazyWithRetry(() => import('@/features/sequences/add-to-sequence-dialog'))

const MAX_COMPARED = 4
const buttonClass =
  'rounded-lg border border-ink-600 px-3 py-1.5 text-sm text-ink-200 hover:bg-ink-800 disabled:opacity-40'

export function Gallery({ catalog, onOpen, onRemix, onCompare, onLineage, onShare, onOpenSequence }: GalleryProps) {
  const [filters, setFilters] = useState(NO_FILTERS)
  const me = useQuery(meQuery)
  const people = useQuery(peopleQuery)
  // A named token's name, or the display name this browser gives (read afresh: it may be given at any time).
  const myName = me.data?.author ?? readDisplayName()
  const modelName = useCallback((id: string) => catalog.models.find((m) => m.id === id)?.name ?? id, [catalog])
  const viewContext = useMemo(() => ({ modelName, myName }), [modelName, myName])
  const gallery = useGalleryRenders(filters, viewContext)
  const shown = gallery.renders
  const [openGroups, setOpenGroups] = useState<ReadonlySet<string>>(new Set())
  const tiles = useMemo(() => galleryTiles(shown, openGroups), [shown, openGroups])
  const [size, setSize] = useCardSize()
  const [selected, setSelected] = useState<Set<string>>()
  const [varying, setVarying] = useState<RenderRecord>()
  const [sequencing, setSequencing] = useState<RenderRecord>()
  const preview = useHoverPreview()
  const { toast, show, dismiss } = useToast()
  const renderActions = useRenderActions()
  const showRefusal = (message: string | undefined) => {
    if (message) show({ message })
  }
  const modelOf = (id: string) => catalog.models.find((m) => m.id === id)
  const toggleGroup = (key: string) =>
    setOpenGroups((old) => {
      const next = new Set(old)
      if (!next.delete(key)) next.add(key)
      return next
    })

  const actions = useStableCallbacks<ItemActions>({
    open: (record) => {
      // The viewer plays the same file; a preview left playing underneath would only compete with it.
      preview.stop()
      onOpen(record)
    },
    rerun: (record) => void renderActions.rerun(record),
    variations: setVarying,
    remix: (record) => onRemix(record.input as VideoInput, record.localId),
    lineage: onLineage,
    addToSequence: setSequencing,
    shareGroup: (members) => {
      const ids = members.filter(isShareable).map((r) => r.localId)
      const { max } = SHARE_SIZES.group
      onShare(
        ids.length === 1
          ? { kind: 'render', ids }
          : { kind: 'group', ids: ids.slice(0, max), leftOut: Math.max(0, ids.length - max) },
      )
    },
    favourite: (record) => void renderActions.toggleFavourite(record).then(showRefusal),
    rate: (record, rating) => void renderActions.rate(record, rating).then(showRefusal),
    remove: (record) => {
      const { deleting, undo } = renderActions.remove(record)
      show({
        message: 'Render deleted',
        undo: () => {
          dismiss()
          void undo().then(showRefusal)
        },
      })
      void deleting.then(showRefusal)
    },
    checkAgain: (record) => void renderActions.checkAgain(record).then(showRefusal),
    sendAgain: renderActions.sendAgain,
    toggleSelected: (record) =>
      setSelected((old) => {
        const next = new Set(old)
        if (next.has(record.localId)) next.delete(record.localId)
        else if (next.size < MAX_COMPARED) next.add(record.localId)
        return next
      }),
    hover: preview.hover,
  })

  const selectedRecords = shown.filter((r) => selected?.has(r.localId))
  const varyingModel = varying && modelOf(varying.input.model)

  return (
    <>
      <WhatsNew renders={shown} modelName={modelName} onOpen={actions.open} />
      <section aria-label="Gallery" className="flex flex-col gap-3">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h2 className="text-sm font-semibold tracking-wide text-ink-400 uppercase">
            Gallery <span className="font-normal normal-case">{`(${shown.length}${gallery.complete ? '' : '+'})`}</span>
          </h2>
          <div className="flex flex-wrap gap-2">
            {selected ? (
              <>
                <span className="self-center text-sm text-ink-400">{`${selected.size} selected (2–4)`}</span>
                <button
                  type="button"
                  className={buttonClass}
                  disabled={selected.size < 2}
                  onClick={() => {
                    onCompare(selectedRecords)
                    setSelected(undefined)
                  }}
                >
                  Compare
                </button>
                <button type="button" className={buttonClass} onClick={() => setSelected(undefined)}>
                  Cancel
                </button>
              </>
            ) : (
              <button type="button" className={buttonClass} onClick={() => setSelected(new Set())}>
                Select to compare
              </button>
            )}
            <GalleryFileButtons onResult={(message) => show({ message })} />
          </div>
        </div>
        <GalleryToolbar
          catalog={catalog}
          filters={filters}
          onChange={setFilters}
          people={people.data?.people ?? []}
          myName={myName}
          size={size}
          onSize={setSize}
        />
        <GalleryGrid
          tiles={tiles}
          complete={gallery.complete}
          onNearEnd={gallery.loadMore}
          size={size}
          modelName={modelName}
          previewId={preview.previewId}
          selectedIds={selected}
          canSelectMore={(selected?.size ?? 0) < MAX_COMPARED}
          actions={actions}
          togglePreview={preview.toggle}
          toggleGroup={toggleGroup}
        />
        <GalleryNotes gallery={gallery} filtered={isFiltered(filters)} />
        {varying && (
          <VariationsDialog
            prompt={varying.input.prompt}
            min={MIN_VARIATIONS}
            max={MAX_VARIATIONS}
            seeded={varyingModel?.fields.seed !== undefined}
            model={varyingModel}
            input={varying.input}
            onCancel={() => setVarying(undefined)}
            onConfirm={(count, tweak) => {
              void renderActions.variations(varying, varyingModel, count, tweak)
              setVarying(undefined)
            }}
          />
        )}
        {sequencing && (
          <Suspense fallback={null}>
            <AddToSequenceDialog
              record={sequencing}
              model={modelOf(sequencing.input.model)}
              onCancel={() => setSequencing(undefined)}
              onOpen={(id) => {
                setSequencing(undefined)
                onOpenSequence(id)
              }}
              onAdded={(message) => {
                setSequencing(undefined)
                show({ message })
              }}
            />
          </Suspense>
        )}
        <ToastSlot toast={toast} onDismiss={dismiss} />
      </section>
    </>
  )
}
