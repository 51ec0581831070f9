import { useEffect } from 'react'
import type { Catalog } from '@/catalog/catalog-schema'
import { DRAFT_KEY, parseDraft } from './draft'
import type { ComposerValues } from './form-values'

const WRITE_DELAY_MS = 400

/** The saved draft, if it still fits the catalog. Demo files are kept: the form itself says if they do not fit. */
export function readDraft(catalog: Catalog): ComposerValues | undefined {
  try {
    return parseDraft(localStorage.getItem(DRAFT_KEY), catalog, { allowDemoMedia: true })
  } catch {
    return undefined
  }
}

/** Saves the draft a moment after the last change, and at once when the page goes away. */
export function useSaveDraft(values: ComposerValues) {
  useEffect(() => {
    const write = () => {
      try {
        localStorage.setItem(DRAFT_KEY, JSON.stringify(values))
      } catch {
        // Storage full or blocked: the draft is a convenience, the form keeps working.
      }
    }
    const timer = setTimeout(write, WRITE_DELAY_MS)
    window.addEventListener('pagehide', write)
    return () => {
      clearTimeout(timer)
      window.removeEventListener('pagehide', write)
    }
  }, [values])
}
