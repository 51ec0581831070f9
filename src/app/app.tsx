import { useQuery, useQueryClient } from '@tanstack/react-query'
import { Suspense, useState } from 'react'
import type { Model } from '@/catalog/catalog-schema'
import type { Relation } from '@/catalog/render-contract'
import type { VideoInput } from '@/catalog/request-schema'
import { Composer } from '@/features/composer/composer'
import type { ComposerValues } from '@/features/composer/form-values'
import { CreditsMenu } from '@/features/credits/credits-menu'
import { useSpendQuestion } from '@/features/credits/spend-question'
import { maySpend } from '@/features/credits/spend-guard'
import { StorageNotice } from '@/features/renders/storage-notice'
import { useSubmitRender } from '@/features/renders/use-submit-render'
import { PanelFallback } from '@/components/panel-fallback'
import { ApiError } from '@/lib/api-error'
import { lazyWithRetry } from '@/lib/lazy-with-retry'
import { matchesMedia, useMediaQuery } from '@/lib/use-media-query'
import { catalogQuery, healthQuery } from '@/lib/queries'
import type { ShareTarget } from '@/features/review/share-dialog'
import { ConnectionStatus } from './connection-status'
import { SignOutButton } from './sign-out-button'
import { ViewTabs, WideViewSwitch, WIDE, type StudioView } from './view-tabs'

// Not needed for the composer's first paint: each loads in its own chunk.
const Gallery = lazyWithRetry(() => import('@/features/gallery/gallery').then((m) => ({ default: m.Gallery })))
// Shows only when Cannon's answers at start found something off, which the first render cannot know yet.
const UpstreamNotice = lazyWithRetry(() => import('./upstream-notice').then((m) => ({ default: m.UpstreamNotice })))
const SignIn = lazyWithRetry(() => import('./sign-in').then((m) => ({ default: m.SignIn })))
const RenderPollers = lazyWithRetry(() =>
  import('@/features/renders/render-pollers').then((m) => ({ default: m.RenderPollers })),
)
const Viewer = lazyWithRetry(() => import('@/features/viewer/viewer'))
const Compare = lazyWithRetry(() => import('@/features/viewer/compare'))
const LineageView = lazyWithRetry(() => import('@/features/lineage/lineage-view'))
const TryOnModelsDialog = lazyWithRetry(() => import('@/features/shootout/try-on-models-dialog'))
const SpendView = lazyWithRetry(() => import('@/features/credits/spend-view'))
const ShareDialog = lazyWithRetry(() => import('@/features/review/share-dialog'))
const SharedView = lazyWithRetry(() => import('@/features/review/shared-view'))
const ModelsView = lazyWithRetry(() => import('@/features/review/models-view'))
const SpendConfirmDialog = lazyWithRetry(() => import('@/features/credits/spend-confirm-dialog'))
const SequencesDialog = lazyWithRetry(() => import('@/features/sequences/sequences-dialog'))
const SequenceView = lazyWithRetry(() => import('@/features/sequences/sequence-view'))

export function App() {
  const health = useQuery(healthQuery)
  const catalog = useQuery(catalogQuery)
  const queryClient = useQueryClient()
  const spendQuestion = useSpendQuestion()
  const { submit } = useSubmitRender()
  const [openId, setOpenId] = useState<string>()
  const [compareIds, setCompareIds] = useState<string[]>()
  const [lineageOf, setLineageOf] = useState<string>()
  const [remix, setRemix] = useState<{ input: VideoInput; key: string; parentId: string; relation: Relation }>()
  const [tryOn, setTryOn] = useState<{ values: ComposerValues; model: Model }>()
  const [spendOpen, setSpendOpen] = useState(false)
  const [shareTarget, setShareTarget] = useState<ShareTarget>()
  const [sharedOpen, setSharedOpen] = useState(false)
  const [sequencesOpen, setSequencesOpen] = useState(false)
  const [sequenceId, setSequenceId] = useState<string>()
  const [view, setView] = useState<StudioView>('compose')
  // On a phone the gallery is a view of its own: its code loads and it renders once it is first shown, and it
  // stays (with its scroll and filters) after that.
  const wide = useMediaQuery(WIDE)
  const [galleryShown, setGalleryShown] = useState(false)
  if (!galleryShown && (wide || view !== 'compose')) setGalleryShown(true)
  // What the composer then makes comes from that render: the ledger keeps the lineage.
  const loadIntoComposer = (input: VideoInput, parentId: string, relation: Relation = 'remix') => {
    setRemix({ input, key: crypto.randomUUID(), parentId, relation })
    setOpenId(undefined)
    setView('compose')
    window.scrollTo({ top: 0 })
  }
  const generate = async (input: VideoInput) => {
    if (!(await maySpend(queryClient, [input], 'Generate'))) return false
    const sent = await submit(input, remix && { parentId: remix.parentId, relation: remix.relation })
    // The new take lands at the top of the gallery: bring it into view where both columns show.
    if (matchesMedia(WIDE)) window.scrollTo({ top: 0, behavior: 'smooth' })
    return sent
  }
  const demo = health.data?.mode === 'demo'

  if (catalog.error instanceof ApiError && catalog.error.status === 401) {
    return (
      <Suspense fallback={null}>
        <SignIn />
      </Suspense>
    )
  }

  return (
    <div className="min-h-dvh pb-14 lg:pb-0">
      <header className="sticky top-0 z-20 flex h-14 items-center justify-between gap-3 border-b border-ink-800 bg-ink-950 px-4 lg:px-6">
        <h1 className="truncate text-base font-semibold text-ink-200 sm:text-lg">Cannon Studio</h1>
        <div className="flex shrink-0 items-center gap-1 text-sm sm:gap-3">
          <ConnectionStatus />
          <Suspense fallback={null}>
            <UpstreamNotice />
          </Suspense>
          {demo && (
            <span
              title="Demo mode: renders are simulated, no real credits are spent"
              className="rounded-full bg-amber-900/60 px-2.5 py-1 whitespace-nowrap text-amber-200 sm:px-3"
            >
              <span className="sm:hidden">Demo</span>
              <span className="hidden sm:inline">Demo mode</span>
              <span className="hidden xl:inline">: renders are simulated, no real credits are spent</span>
            </span>
          )}
          <button
            type="button"
            onClick={() => setSharedOpen(true)}
            title="Review links the team has made: views, reviewers' picks, revoke"
            className="rounded-md px-1.5 py-1 text-ink-300 hover:bg-ink-800 hover:text-ink-100 sm:px-2"
          >
            Shared
          </button>
          <button
            type="button"
            onClick={() => setSequencesOpen(true)}
            title="The team's sequences: shots in order, played as one"
            className="rounded-md px-1.5 py-1 text-ink-300 hover:bg-ink-800 hover:text-ink-100 sm:px-2"
          >
            Sequences
          </button>
          <CreditsMenu onOpenSpend={() => setSpendOpen(true)} />
          {health.data?.gated && <SignOutButton />}
        </div>
      </header>
      <main className="lg:grid lg:grid-cols-[400px_1fr] lg:gap-6 lg:pl-6">
        {/* lg:z-10: the sticky column paints above the gallery, so the gallery's cards are never composited
            one by one for overlapping it (which re-rasterised them every scrolled frame). */}
        <aside
          aria-label="Compose"
          className={`${view === 'compose' ? '' : 'hidden lg:block'} px-4 pt-4 lg:sticky lg:top-14 lg:z-10 lg:h-[calc(100dvh-3.5rem)] lg:px-0`}
        >
          {catalog.data ? (
            <Composer
              catalog={catalog.data}
              demoMode={demo}
              onSubmit={generate}
              remix={remix}
              onTryOnModels={(values, model) => setTryOn({ values, model })}
            />
          ) : catalog.isError ? (
            <p role="alert">The model catalog could not be loaded: {catalog.error.message}</p>
          ) : (
            <p>Loading models…</p>
          )}
        </aside>
        <div
          className={`${view === 'compose' ? 'hidden lg:flex' : 'flex'} min-w-0 flex-col gap-6 px-4 py-4 lg:pr-6 lg:pl-0`}
        >
          <StorageNotice />
          <WideViewSwitch view={view} onChange={setView} />
          {view === 'models' && catalog.data && (
            <Suspense fallback={<PanelFallback label="the models" />}>
              <ModelsView catalog={catalog.data} />
            </Suspense>
          )}
          {catalog.data && galleryShown && (
            <div hidden={view === 'models'}>
              <Suspense fallback={<PanelFallback label="the gallery" />}>
                <Gallery
                  catalog={catalog.data}
                  onOpen={(record) => setOpenId(record.localId)}
                  onRemix={loadIntoComposer}
                  onCompare={(records) => setCompareIds(records.map((r) => r.localId))}
                  onLineage={(record) => setLineageOf(record.localId)}
                  onShare={setShareTarget}
                  onOpenSequence={setSequenceId}
                />
              </Suspense>
            </div>
          )}
          {catalog.data && (
            <Suspense fallback={<PanelFallback label="the player" />}>
              {openId && (
                <Viewer
                  localId={openId}
                  catalog={catalog.data}
                  onClose={() => setOpenId(undefined)}
                  onRemix={loadIntoComposer}
                  onLineage={(id) => {
                    setOpenId(undefined)
                    setLineageOf(id)
                  }}
                  onShare={(id) => setShareTarget({ kind: 'render', ids: [id] })}
                />
              )}
              {compareIds && (
                <Compare
                  localIds={compareIds}
                  catalog={catalog.data}
                  onClose={() => setCompareIds(undefined)}
                  onShare={(ids) => setShareTarget({ kind: 'compare', ids })}
                />
              )}
            </Suspense>
          )}
        </div>
      </main>
      <ViewTabs view={view} onChange={setView} />
      {lineageOf && catalog.data && (
        <Suspense fallback={null}>
          <LineageView
            localId={lineageOf}
            catalog={catalog.data}
            onClose={() => setLineageOf(undefined)}
            onOpen={(record) => {
              setLineageOf(undefined)
              setOpenId(record.localId)
            }}
            onCompare={(ids) => {
              setLineageOf(undefined)
              setCompareIds(ids)
            }}
          />
        </Suspense>
      )}
      {tryOn && catalog.data && (
        <Suspense fallback={null}>
          <TryOnModelsDialog
            catalog={catalog.data}
            values={tryOn.values}
            from={tryOn.model}
            demoMode={demo}
            lineage={remix && { parentId: remix.parentId, relation: remix.relation }}
            onCompare={(ids) => {
              setTryOn(undefined)
              setCompareIds(ids)
              // Compare shows in the gallery's column, which a phone shows as a view of its own.
              setView('gallery')
            }}
            onClose={() => setTryOn(undefined)}
          />
        </Suspense>
      )}
      {spendOpen && catalog.data && (
        <Suspense fallback={null}>
          <SpendView catalog={catalog.data} onClose={() => setSpendOpen(false)} />
        </Suspense>
      )}
      {sharedOpen && (
        <Suspense fallback={null}>
          <SharedView onClose={() => setSharedOpen(false)} />
        </Suspense>
      )}
      {sequencesOpen && (
        <Suspense fallback={null}>
          <SequencesDialog
            onClose={() => setSequencesOpen(false)}
            onOpen={(id) => {
              setSequencesOpen(false)
              setSequenceId(id)
            }}
          />
        </Suspense>
      )}
      {sequenceId && catalog.data && (
        <Suspense fallback={null}>
          <SequenceView
            id={sequenceId}
            catalog={catalog.data}
            onClose={() => setSequenceId(undefined)}
            onShare={(id) => setShareTarget({ kind: 'sequence', ids: [id] })}
            onUse={(input, parentId, relation) => {
              setSequenceId(undefined)
              loadIntoComposer(input, parentId, relation)
            }}
          />
        </Suspense>
      )}
      {/* After the views a link can be made from, so that it opens over them. */}
      {shareTarget && (
        <Suspense fallback={null}>
          <ShareDialog target={shareTarget} onClose={() => setShareTarget(undefined)} />
        </Suspense>
      )}
      {spendQuestion && (
        <Suspense fallback={null}>
          <SpendConfirmDialog question={spendQuestion} />
        </Suspense>
      )}
      <Suspense fallback={null}>
        <RenderPollers />
      </Suspense>
    </div>
  )
}
