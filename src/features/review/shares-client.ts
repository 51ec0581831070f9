import {
  createdShareSchema,
  shareSchema,
  sharesListSchema,
  type Share,
  type ShareRequest,
} from '@/catalog/share-contract'
import { call } from '@/lib/bff-client'

/** The studio's side of share links: make one (its whole URL is in this answer only), list them, revoke one. */
export const sharesClient = {
  create: (request: ShareRequest) =>
    call('/api/shares', createdShareSchema, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(request),
    }),
  list: (): Promise<Share[]> => call('/api/shares', sharesListSchema).then((page) => page.items),
  revoke: (id: string) => call(`/api/shares/${encodeURIComponent(id)}`, shareSchema, { method: 'DELETE' }),
}

export const sharesQueryKey = ['shares'] as const
