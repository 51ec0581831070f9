import { StrictMode, startTransition } from 'react'
import { createRoot } from 'react-dom/client'
import { rendersQuery } from '@/features/renders/renders-cache'
import { createQueryClient } from '@/lib/query-client'
import { App } from './app'
import { Providers } from './providers'

// Start what the first screen needs at once, in parallel with React's first render: the mirror of the gallery
// (IndexedDB) and the gallery's code, which would otherwise wait for the composer. The ledger's newest page is
// preloaded by index.html.
const queryClient = createQueryClient()
void queryClient.prefetchQuery(rendersQuery)
void import('@/features/gallery/gallery')

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
