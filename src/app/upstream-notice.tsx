import { useQuery } from '@tanstack/react-query'
import { Suspense, useState } from 'react'
import { lazyWithRetry } from '@/lib/lazy-with-retry'
import { fidelityQuery } from '@/lib/queries'

// Opened from the header's notice only, so it loads then.
const CatalogCheckDetails = lazyWithRetry(() => import('./catalog-check-details'))

const PILL = 'rounded-full px-2 py-1 whitespace-nowrap sm:px-3'

/**
 * What the studio learned of Cannon at start, in the header and only when something is off: a key that may not
 * create renders, and a quiet link to how the catalog differs from Cannon's own description.
 */
export function UpstreamNotice() {
  const fidelity = useQuery(fidelityQuery).data
  const [open, setOpen] = useState(false)
  if (!fidelity) return null
  const { keyScopes, catalogCheck } = fidelity
  const showCheck = catalogCheck.state === 'differs' || catalogCheck.state === 'warning'
  return (
    <>
      {keyScopes.message && (
        <span role="status" title={keyScopes.message} className={`${PILL} bg-red-900/60 text-red-200`}>
          <span className="sm:hidden">Key: read only</span>
          <span className="max-sm:sr-only">Key cannot create renders</span>
          <span className="sr-only">: {keyScopes.message}</span>
        </span>
      )}
      {showCheck && (
        <button
          type="button"
          onClick={() => setOpen(true)}
          aria-label={catalogCheck.state === 'differs' ? 'Catalog differs from Cannon' : 'Catalog not checked'}
          title={catalogCheck.message}
          className={`${PILL} border border-ink-600 text-xs text-ink-400 hover:border-ink-400 hover:text-ink-200`}
        >
          <span className="sm:hidden">Catalog</span>
          <span className="max-sm:hidden">
            {catalogCheck.state === 'differs' ? 'Catalog differs from Cannon' : 'Catalog not checked'}
          </span>
        </button>
      )}
      {open && (
        <Suspense fallback={null}>
          <CatalogCheckDetails check={catalogCheck} onClose={() => setOpen(false)} />
        </Suspense>
      )}
    </>
  )
}
