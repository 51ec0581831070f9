import type { useGalleryRenders } from './use-gallery-renders'

interface GalleryNotesProps {
  gallery: ReturnType<typeof useGalleryRenders>
  filtered: boolean
}

const noteClass = 'text-sm text-ink-400'

/** What the gallery says besides its items: empty, loading, a page that could not load (with a retry). */
export function GalleryNotes({ gallery, filtered }: GalleryNotesProps) {
  const { renders, fromLedger, isLoading, loadError, isFetchingNextPage, retry } = gallery
  if (loadError) {
    return (
      <p role="alert" className="text-sm text-amber-300">
        {fromLedger
          ? `Older renders could not be loaded: ${loadError.message} `
          : renders.length > 0
            ? `The gallery could not be loaded, so it shows what this browser kept: ${loadError.message} `
            : `The gallery could not be loaded: ${loadError.message} `}
        <button type="button" className="font-medium underline" onClick={retry}>
          Try again
        </button>
      </p>
    )
  }
  if (isFetchingNextPage) return <p className={noteClass}>Loading older renders…</p>
  if (renders.length > 0) return null
  if (isLoading) return <p className={noteClass}>Loading the gallery…</p>
  if (!fromLedger) return null
  return <p className={noteClass}>{filtered ? 'No render matches these filters.' : 'Your renders will appear here.'}</p>
}
