import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { rendersQuery } from '@/features/renders/renders-cache'
import { createQueryClient } from '@/lib/query-client'
import { App } from './app'
import { Providers } from './providers'
import './index.css'

// Start what the first screen needs at once, in parallel with React's first render: the stored renders and
// the gallery's code, which would otherwise wait for the composer to mount.
const queryClient = createQueryClient()
void queryClient.prefetchQuery(rendersQuery)
void import('@/features/gallery/gallery')

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Providers client={queryClient}>
      <App />
    </Providers>
  </StrictMode>,
)
