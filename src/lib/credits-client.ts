import { meSchema, spendSchema, type Me, type Spend } from '@/catalog/credits-contract'
import { call } from './bff-client'

/** A UTC day range, both ends included, as GET /api/spend takes it (`YYYY-MM-DD`). */
export interface DayRange {
  from: string
  to: string
}

const spendPath = ({ from, to }: DayRange, format?: 'csv') =>
  `/api/spend?${new URLSearchParams({ from, to, ...(format ? { format } : {}) }).toString()}`

export const creditsClient = {
  /** Who this browser is to the studio: a named token's holder, or a self-declared name, or nobody yet. */
  me: (): Promise<Me> => call('/api/me', meSchema),
  spend: (range: DayRange, signal?: AbortSignal): Promise<Spend> => call(spendPath(range), spendSchema, { signal }),
  /** The same sums as a CSV file (the server names it). */
  spendCsvUrl: (range: DayRange) => spendPath(range, 'csv'),
}
