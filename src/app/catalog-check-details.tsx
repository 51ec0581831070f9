import type { CatalogCheck } from '@/catalog/fidelity-contract'
import { Modal } from '@/components/modal'

/** How the catalog differs from Cannon's own description, and what an operator can do about it. */
export default function CatalogCheckDetails({ check, onClose }: { check: CatalogCheck; onClose: () => void }) {
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
