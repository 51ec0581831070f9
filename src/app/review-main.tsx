import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { ReviewPage } from '@/features/review/review-page'
import './index.css'

// The page behind a share link (/s/<token>): its own entry, so it loads none of the studio's composer or gallery.
const token = decodeURIComponent(location.pathname.replace(/^\/s\//, '').replace(/\/+$/, ''))
const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false } } })

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <ReviewPage token={token} />
    </QueryClientProvider>
  </StrictMode>,
)
