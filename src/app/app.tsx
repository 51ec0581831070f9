import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { Composer } from '@/features/composer/composer'
import { Gallery } from '@/features/gallery/gallery'
import { RenderPollers } from '@/features/renders/render-pollers'
import type { RenderRecord } from '@/features/renders/render-record'
import { useSubmitRender } from '@/features/renders/use-submit-render'
import { Player } from '@/features/viewer/player'
import { catalogQuery, creditsQuery, healthQuery } from '@/lib/queries'

export function App() {
  const health = useQuery(healthQuery)
  const catalog = useQuery(catalogQuery)
  const credits = useQuery(creditsQuery)
  const { submit } = useSubmitRender()
  const [open, setOpen] = useState<RenderRecord>()
  const demo = health.data?.mode === 'demo'

  return (
    <div className="flex min-h-full flex-col">
      <header className="flex items-center justify-between border-b border-ink-800 px-6 py-3">
        <h1 className="text-lg font-semibold text-ink-200">Cannon Studio</h1>
        <div className="flex items-center gap-4 text-sm">
          {demo && (
            <span className="rounded-full bg-amber-900/60 px-3 py-1 text-amber-200">
              Demo mode: renders are simulated, no real credits are spent
            </span>
          )}
          {credits.data?.creditsRemaining !== undefined && (
            <span className="text-ink-400">{credits.data.creditsRemaining.toLocaleString()} credits</span>
          )}
        </div>
      </header>
      <main className="grid flex-1 gap-6 p-6 lg:grid-cols-[380px_1fr]">
        <aside>
          {catalog.data ? (
            <Composer catalog={catalog.data} demoMode={demo} onSubmit={(input) => submit(input)} />
          ) : catalog.isError ? (
            <p role="alert">The model catalog could not be loaded: {catalog.error.message}</p>
          ) : (
            <p>Loading models…</p>
          )}
        </aside>
        <div className="flex flex-col gap-6">
          {open && <Player record={open} onClose={() => setOpen(undefined)} />}
          {catalog.data && <Gallery catalog={catalog.data} onOpen={setOpen} />}
        </div>
      </main>
      <RenderPollers />
    </div>
  )
}
