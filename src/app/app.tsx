import { useQuery } from '@tanstack/react-query'
import { Suspense, useState } from 'react'
import type { Relation } from '@/catalog/render-contract'
import type { VideoInput } from '@/catalog/request-schema'
import { Composer } from '@/features/composer/composer'
import { StorageNotice } from '@/features/renders/storage-notice'
import { useSubmitRender } from '@/features/renders/use-submit-render'
import { PanelFallback } from '@/components/panel-fallback'
import { ApiError } from '@/lib/bff-client'
import { lazyWithRetry } from '@/lib/lazy-with-retry'
import { catalogQuery, creditsQuery, healthQuery } from '@/lib/queries'
import { ConnectionStatus } from './connection-status'
import { SignOutButton } from './sign-out-button'

// Not needed for the composer's first paint: each loads in its own chunk.
const Gallery = lazyWithRetry(() => import('@/features/gallery/gallery').then((m) => ({ default: m.Gallery })))
const SignIn = lazyWithRetry(() => import('./sign-in').then((m) => ({ default: m.SignIn })))
const RenderPollers = lazyWithRetry(() =>
  import('@/features/renders/render-pollers').then((m) => ({ default: m.RenderPollers })),
)
const Viewer = lazyWithRetry(() => import('@/features/viewer/viewer'))
const Compare = lazyWithRetry(() => import('@/features/viewer/compare'))

export function App() {
  const health = useQuery(healthQuery)
  const catalog = useQuery(catalogQuery)
  const credits = useQuery(creditsQuery)
  const { submit } = useSubmitRender()
  const [openId, setOpenId] = useState<string>()
  const [compareIds, setCompareIds] = useState<string[]>()
  const [remix, setRemix] = useState<{ input: VideoInput; key: string; parentId: string; relation: Relation }>()
  // What the composer then makes comes from that render: the ledger keeps the lineage.
  const loadIntoComposer = (input: VideoInput, parentId: string, relation: Relation = 'remix') => {
    setRemix({ input, key: crypto.randomUUID(), parentId, relation })
    setOpenId(undefined)
    window.scrollTo({ top: 0 })
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
    <div className="flex min-h-full flex-col">
      <header className="flex items-center justify-between border-b border-ink-800 px-6 py-3">
        <h1 className="text-lg font-semibold text-ink-200">Cannon Studio</h1>
        <div className="flex items-center gap-4 text-sm">
          <ConnectionStatus />
          {demo && (
            <span className="rounded-full bg-amber-900/60 px-3 py-1 text-amber-200">
              Demo mode: renders are simulated, no real credits are spent
            </span>
          )}
          {credits.data?.creditsRemaining !== undefined && (
            <span className="text-ink-400">{credits.data.creditsRemaining.toLocaleString()} credits</span>
          )}
          {health.data?.gated && <SignOutButton />}
        </div>
      </header>
      <main className="grid flex-1 gap-6 p-6 lg:grid-cols-[380px_1fr]">
        <aside>
          {catalog.data ? (
            <Composer
              catalog={catalog.data}
              demoMode={demo}
              onSubmit={(input) => submit(input, remix && { parentId: remix.parentId, relation: remix.relation })}
              remix={remix}
            />
          ) : catalog.isError ? (
            <p role="alert">The model catalog could not be loaded: {catalog.error.message}</p>
          ) : (
            <p>Loading models…</p>
          )}
        </aside>
        <div className="flex flex-col gap-6">
          <StorageNotice />
          {catalog.data && (
            <Suspense fallback={<PanelFallback label="the gallery" />}>
              <Gallery
                catalog={catalog.data}
                onOpen={(record) => setOpenId(record.localId)}
                onRemix={loadIntoComposer}
                onCompare={(records) => setCompareIds(records.map((r) => r.localId))}
              />
            </Suspense>
          )}
          {catalog.data && (
            <Suspense fallback={<PanelFallback label="the player" />}>
              {openId && (
                <Viewer
                  localId={openId}
                  catalog={catalog.data}
                  onClose={() => setOpenId(undefined)}
                  onRemix={loadIntoComposer}
                />
              )}
              {compareIds && (
                <Compare localIds={compareIds} catalog={catalog.data} onClose={() => setCompareIds(undefined)} />
              )}
            </Suspense>
          )}
        </div>
      </main>
      <Suspense fallback={null}>
        <RenderPollers />
      </Suspense>
    </div>
  )
}
