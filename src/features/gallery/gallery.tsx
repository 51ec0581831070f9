import { useQuery } from '@tanstack/react-query'
import type { Catalog } from '@/catalog/catalog-schema'
import { StatusBadge } from '@/components/status-badge'
import { statusWord, type RenderRecord } from '@/features/renders/render-record'
import { rendersQuery } from '@/features/renders/renders-cache'

interface GalleryProps {
  catalog: Catalog
  onOpen: (record: RenderRecord) => void
}

export function Gallery({ catalog, onOpen }: GalleryProps) {
  const { data: renders = [] } = useQuery(rendersQuery)
  const newestFirst = [...renders].sort((a, b) => b.createdAtMs - a.createdAtMs)
  const modelName = (id: string) => catalog.models.find((m) => m.id === id)?.name ?? id

  return (
    <section aria-label="Gallery" className="flex flex-col gap-3">
      <h2 className="text-sm font-semibold tracking-wide text-ink-400 uppercase">Gallery</h2>
      {newestFirst.length === 0 && <p className="text-sm text-ink-400">Your renders will appear here.</p>}
      <ul className="grid grid-cols-[repeat(auto-fill,minmax(220px,1fr))] gap-4">
        {newestFirst.map((record) => (
          <li key={record.localId} className="overflow-hidden rounded-xl border border-ink-700 bg-ink-900">
            <button
              type="button"
              className="block w-full text-left"
              onClick={() => onOpen(record)}
              disabled={record.status !== 'succeeded'}
              aria-label={`Open ${record.input.prompt}`}
            >
              <div className="flex aspect-video items-center justify-center bg-ink-800 text-xs text-ink-400">
                <span aria-hidden="true">{record.status === 'succeeded' ? '▶' : '…'}</span>
              </div>
            </button>
            <div className="flex flex-col gap-1 p-3">
              <p className="line-clamp-2 text-sm text-ink-200">{record.input.prompt}</p>
              <div className="flex items-center justify-between text-xs text-ink-400">
                <span>{modelName(record.input.model)}</span>
                <StatusBadge word={statusWord(record)} />
              </div>
              {record.errorMessage && <p className="text-xs text-red-300">{record.errorMessage}</p>}
            </div>
          </li>
        ))}
      </ul>
    </section>
  )
}
