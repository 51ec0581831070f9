import { StrictMode, startTransition } from 'react'
import { createRoot } from 'react-dom/client'
import { rendersQuery } from '@/features/renders/renders-cache'
import { createQueryClient } from '@/lib/query-client'
import { matchesMedia } from '@/lib/use-media-query'
import { App } from './app'
import { Providers } from './providers'
import { WIDE } from './view-tabs'

/**
 * Starts the studio in #root (src/app/start.ts calls it once the page has painted). A function rather than code
 * that runs on import: this module shares a chunk with code the review page loads too.
 */
export function startStudio() {
  // What the first screen needs starts at once, in parallel with React's first render: the mirror of the gallery
  // (IndexedDB) and the gallery's code, which would otherwise wait for the composer. The ledger's newest page is
  // preloaded by index.html.
  const queryClient = createQueryClient()
  void queryClient.prefetchQuery(rendersQuery)
  // A phone shows the gallery only when asked (src/app/app.tsx): its code waits until then.
  if (matchesMedia(WIDE)) void import('@/features/gallery/gallery')

  const root = createRoot(document.getElementById('root')!)
  startTransition(() =>
    root.render(
      <StrictMode>
        <Providers client={queryClient}>
          <App />
        </Providers>
      </StrictMode>,
    ),
  )
}
