import type { GalleryFilters } from './gallery-view'

const RATING_FILTERS = [
  ['', 'Any rating'],
  ['pick', 'Picks'],
  ['reject', 'Rejects'],
  ['unrated', 'Unrated'],
] as const

/** The review's filters: takes by their rating, takes the quality check flagged, takes with open comments. */
export function ReviewFilters(props: {
  filters: GalleryFilters
  onChange: (filters: GalleryFilters) => void
  className: string
}) {
  const { filters, onChange } = props
  return (
    <>
      <select
        aria-label="Filter by rating"
        value={filters.rating}
        onChange={(event) => onChange({ ...filters, rating: event.target.value as GalleryFilters['rating'] })}
        className={props.className}
      >
        {RATING_FILTERS.map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>
      <FilterCheckbox filters={filters} onChange={onChange} name="flaggedOnly" label="Flagged only" />
      <FilterCheckbox filters={filters} onChange={onChange} name="commentedOnly" label="Has open comments" />
    </>
  )
}

/** A filter that is on or off: "Favourites only", "Flagged only", "Has open comments". */
export function FilterCheckbox(props: {
  filters: GalleryFilters
  onChange: (filters: GalleryFilters) => void
  name: 'favouritesOnly' | 'flaggedOnly' | 'commentedOnly'
  label: string
}) {
  const { filters, onChange, name } = props
  return (
    <label className="flex items-center gap-1.5 text-sm text-ink-200">
      <input
        type="checkbox"
        checked={filters[name]}
        onChange={(event) => onChange({ ...filters, [name]: event.target.checked })}
        className="accent-accent-500"
      />
      {props.label}
    </label>
  )
}
