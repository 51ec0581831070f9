import type { Model } from '@/catalog/catalog-schema'
import { useEstimate } from '@/lib/estimates'
import { readable } from '@/catalog/wording'

interface RerunButtonProps {
  model: Model | undefined
  input: object
  onClick: () => void
  className: string
}

/** Re-run, with what it would spend: `Re-run · ≈ 30 credits` (the basis on hover). */
export function RerunButton({ model, input, onClick, className }: RerunButtonProps) {
  const estimate = useEstimate(model, input)
  return (
    <button type="button" className={className} onClick={onClick} title={estimate?.detail}>
      Re-run
      {estimate?.credits != null && (
        <>
          {' · '}
          <span className="text-ink-400">≈ {readable(estimate.credits)} credits</span>
        </>
      )}
    </button>
  )
}
