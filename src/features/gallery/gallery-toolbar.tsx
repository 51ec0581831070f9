import type { Catalog } from '@/catalog/catalog-schema'
import type { StatusWord } from '@/features/renders/render-record'
import type { GalleryFilters } from './gallery-view'

const STATUS_WORDS: StatusWord[] = ['Queued', 'Processing', 'Succeeded', 'Failed']
const controlClass = 'rounded-lg border border-ink-600 bg-ink-900 px-2 py-1.5 text-sm text-ink-200'

interface GalleryToolbarProps {
  catalog: Catalog
  filters: GalleryFilters
  onChange: (filters: GalleryFilters) => void
}

export function GalleryToolbar({ catalog, filters, onChange }: GalleryToolbarProps) {
  return (
    <div className="flex flex-wrap items-center gap-2">
      <input
        type="search"
        aria-label="Search renders"
        placeholder="Search in prompts"
        value={filters.search}
        onChange={(event) => onChange({ ...filters, search: event.target.value })}
        className={`${controlClass} min-w-48 flex-1`}
      />
      <select
        aria-label="Filter by generator"
        value={filters.model}
        onChange={(event) => onChange({ ...filters, model: event.target.value })}
        className={controlClass}
      >
        <option value="">All models</option>
        {catalog.models.map((m) => (
          <option key={m.id} value={m.id}>
            {m.name}
          </option>
        ))}
      </select>
      <select
        aria-label="Filter by status"
        value={filters.status}
        onChange={(event) => onChange({ ...filters, status: event.target.value as StatusWord | '' })}
        className={controlClass}
      >
        <option value="">All statuses</option>
        {/* Not the bare status word: an item's badge is the one thing on the page that reads exactly "Succeeded". */}
        {STATUS_WORDS.map((word) => (
          <option key={word} value={word}>
            {`${word} renders`}
          </option>
        ))}
      </select>
      <label className="flex items-center gap-1.5 text-sm text-ink-200">
        <input
          type="checkbox"
          checked={filters.favouritesOnly}
          onChange={(event) => onChange({ ...filters, favouritesOnly: event.target.checked })}
          className="accent-accent-500"
        />
        Favourites only
      </label>
    </div>
  )
}
