import { useQuery } from '@tanstack/react-query'
import type { Catalog } from '@/catalog/catalog-schema'
import { Modal } from '@/components/modal'
import { formatInputValue } from '@/features/renders/input-fields'
import { posterOf } from '@/features/renders/poster'
import { durationOf, isShareable, videoUrlOf } from '@/features/renders/render-record'
import { rendersQuery } from '@/features/renders/renders-cache'
import { DifferencesTable } from './differences-table'
import { inputDifferences } from './input-diff'
import { SyncedVideos } from './synced-videos'

interface CompareProps {
  localIds: string[]
  catalog: Catalog
  onClose: () => void
  /** A review link to these takes side by side. */
  onShare: (ids: string[]) => void
}

/** 2–4 renders side by side, played as one, with the inputs that differ between them. */
export default function Compare({ localIds, catalog, onClose, onShare }: CompareProps) {
  const { data: renders = [] } = useQuery(rendersQuery)
  const records = localIds.flatMap((id) => renders.filter((r) => r.localId === id))
  const modelName = (id: string) => catalog.models.find((m) => m.id === id)?.name ?? id

  return (
    <Modal label="Compare" onClose={onClose}>
      <SyncedVideos
        knownDuration={records[0] && durationOf(records[0])}
        videos={records.map((record) => ({
          key: record.localId,
          url: videoUrlOf(record),
          poster: posterOf(record),
          caption: `${modelName(record.input.model)} · ${record.input.prompt}`,
        }))}
      />
      {records.length >= 2 && records.every(isShareable) && (
        <button
          type="button"
          onClick={() => onShare(records.map((r) => r.localId))}
          className="self-start rounded-md border border-ink-600 px-3 py-1 text-sm text-ink-200 hover:bg-ink-800"
        >
          Share
        </button>
      )}
      <DifferencesTable
        differences={inputDifferences(records)}
        valueText={(field, value) => (field === 'model' ? modelName(String(value)) : formatInputValue(value))}
      />
    </Modal>
  )
}
