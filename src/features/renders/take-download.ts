import { takeFileName } from '@/catalog/take-name'
import { videoUrlOf, type RenderRecord } from './render-record'

/**
 * Where Download points: the studio's download route once the ledger has the render (an attachment with its
 * name, from the kept copy or Cannon's link, so the studio tab never navigates away); before that, the link
 * itself with a `download` name (honoured for same-origin files).
 */
export function takeDownload(record: RenderRecord): { href: string; fileName: string } | undefined {
  const url = videoUrlOf(record)
  if (!url || record.status !== 'succeeded') return undefined
  const fileName = takeFileName({ input: record.input, requestId: record.requestId, id: record.localId })
  if (!record.synced) return { href: url, fileName }
  return { href: `/api/renders/${encodeURIComponent(record.localId)}/download`, fileName }
}
