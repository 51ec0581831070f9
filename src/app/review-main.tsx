import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { ReviewPage } from '@/features/review/review-page'
import './index.css'

// The page behind a share link (/s/<token>): its own entry, so it runs none of the studio's composer or gallery.
const raw = location.pathname.replace(/^\/s\//, '').replace(/\/+$/, '')
// A mangled link (a stray %) is still a link the server can answer for: it says the link does not exist.
const token = (() => {
  try {
    return decodeURIComponent(raw)
  } catch {
    return raw
  }
})()
const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false } } })

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <ReviewPage token={token} />
    </QueryClientProvider>
  </StrictMode>,
)
