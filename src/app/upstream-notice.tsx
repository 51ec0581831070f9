import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import type { CatalogCheck } from '@/catalog/fidelity-contract'
import { Modal } from '@/components/modal'
import { fidelityQuery } from '@/lib/queries'

const PILL = 'rounded-full px-2 py-1 whitespace-nowrap sm:px-3'

function CatalogCheckDetails({ check, onClose }: { check: CatalogCheck; onClose: () => void }) {
  const models = [...new Set(check.differences.map((d) => d.model))]
  return (
    <Modal label="The catalog and Cannon" onClose={onClose}>
      <div className="flex flex-col gap-3 text-sm text-ink-300">
        <p>{check.message}</p>
        {models.map((model) => (
          <section key={model} aria-label={model}>
            <h3 className="font-medium text-ink-200">{model}</h3>
            <ul className="list-disc pl-5">
              {check.differences
                .filter((d) => d.model === model)
                .map((d) => (
                  <li key={d.message}>{d.message}</li>
                ))}
            </ul>
          </section>
        ))}
        {check.unmapped.length > 0 && (
          <section aria-label="Could not map">
            <h3 className="font-medium text-ink-200">Could not map</h3>
            <ul className="list-disc pl-5">
              {check.unmapped.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          </section>
        )}
        <p className="text-xs text-ink-400">
          Renders still go to Cannon as the catalog says; Cannon decides. An operator can write a corrected catalog with{' '}
          <code>npm run catalog:check -- --write catalog.json</code> and restart the studio with{' '}
          <code>STUDIO_CATALOG_FILE=catalog.json</code>.
        </p>
      </div>
    </Modal>
  )
}

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
      {open && <CatalogCheckDetails check={catalogCheck} onClose={() => setOpen(false)} />}
    </>
  )
}
