import { useQuery } from '@tanstack/react-query'
import { useMemo } from 'react'
import { fidelityQuery } from '@/lib/queries'
import { usePickRates } from '@/lib/use-pick-rates'

/** What the team knows of each model, shown in the picker: Cannon's refusals, and the team's pick rates. */
export function useModelSignals() {
  const fidelity = useQuery(fidelityQuery).data
  const refusals = useMemo(() => new Map(fidelity?.refusals.map((r) => [r.model, r])), [fidelity])
  return { refusals, pickRates: usePickRates() }
}
