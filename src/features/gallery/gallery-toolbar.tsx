import type { Catalog } from '@/catalog/catalog-schema'
import type { People } from '@/catalog/gallery-contract'
import type { StatusWord } from '@/features/renders/render-record'
import { CARD_SIZES, type CardSize } from './card-size'
import { personFilter, type GalleryFilters } from './gallery-view'
import { FilterCheckbox, ReviewFilters } from './review-filters'

const STATUS_WORDS: StatusWord[] = ['Waiting', 'Queued', 'Processing', 'Succeeded', 'Failed']
const controlClass = 'rounded-lg border border-ink-600 bg-ink-900 px-2 py-1.5 text-sm text-ink-200'

interface GalleryToolbarProps {
  catalog: Catalog
  filters: GalleryFilters
  onChange: (filters: GalleryFilters) => void
  people: People['people']
  /** This browser's name (a named token's, or the display name it gives): Mine is offered only with one. */
  myName: string | undefined
  size: CardSize
  onSize: (size: CardSize) => void
}

export function GalleryToolbar({ catalog, filters, onChange, people, myName, size, onSize }: GalleryToolbarProps) {
  return (
    <div className="flex flex-wrap items-center gap-2">
      <input
        type="search"
        aria-label="Search renders"
        placeholder="Search prompts and models"
        value={filters.search}
        onChange={(event) => onChange({ ...filters, search: event.target.value })}
        className={`${controlClass} min-w-40 flex-1`}
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
      <select
        aria-label="Filter by person"
        value={filters.who}
        onChange={(event) => onChange({ ...filters, who: event.target.value })}
        className={controlClass}
      >
        <option value="">Everyone</option>
        {myName && <option value="mine">{`Mine (${myName})`}</option>}
        {people.map((person) => (
          <option key={person.name} value={personFilter(person.name)}>
            {person.verified ? person.name : `${person.name} (self-declared)`}
          </option>
        ))}
      </select>
      <FilterCheckbox filters={filters} onChange={onChange} name="favouritesOnly" label="Favourites only" />
      <ReviewFilters filters={filters} onChange={onChange} className={controlClass} />
      <div
        role="group"
        aria-label="Card size"
        className="ml-auto flex overflow-hidden rounded-lg border border-ink-600"
      >
        {(Object.keys(CARD_SIZES) as CardSize[]).map((option) => (
          <button
            key={option}
            type="button"
            aria-pressed={size === option}
            aria-label={CARD_SIZES[option].label}
            title={CARD_SIZES[option].label}
            onClick={() => onSize(option)}
            className={`px-2.5 py-1.5 text-xs font-medium ${
              size === option ? 'bg-ink-700 text-ink-100' : 'bg-ink-900 text-ink-400 hover:bg-ink-800'
            }`}
          >
            {option}
          </button>
        ))}
      </div>
    </div>
  )
}
