import { useCallback, useState } from 'react'

export type CardSize = 'S' | 'M' | 'L'

export interface CardSizeSpec {
  label: string
  /** Columns are at least this wide; the grid stretches them to fill its width. */
  minColumnWidth: number
  promptLines: 1 | 2
  /** The facts under the media, in px: every card of a size has the same, so the masonry knows its heights. */
  infoHeight: number
}

// Padding 20, the prompt's lines of 20, specs 20, two lines of facts 32, actions 28, and four gaps of 4.
const infoHeight = (promptLines: number) => 20 + promptLines * 20 + 20 + 32 + 28 + 16

export const CARD_SIZES: Record<CardSize, CardSizeSpec> = {
  S: { label: 'Small cards', minColumnWidth: 160, promptLines: 1, infoHeight: infoHeight(1) },
  M: { label: 'Medium cards', minColumnWidth: 250, promptLines: 2, infoHeight: infoHeight(2) },
  L: { label: 'Large cards', minColumnWidth: 380, promptLines: 2, infoHeight: infoHeight(2) },
}

const STORAGE_KEY = 'cannon-studio:gallery-card-size'
const isCardSize = (value: unknown): value is CardSize => value === 'S' || value === 'M' || value === 'L'

function readCardSize(): CardSize {
  try {
    const stored = localStorage.getItem(STORAGE_KEY)
    return isCardSize(stored) ? stored : 'M'
  } catch {
    return 'M'
  }
}

/** The gallery's card size, kept in this browser. */
export function useCardSize(): [CardSize, (size: CardSize) => void] {
  const [size, setSize] = useState(readCardSize)
  const choose = useCallback((next: CardSize) => {
    setSize(next)
    try {
      localStorage.setItem(STORAGE_KEY, next)
    } catch {
      // Private mode: the size holds for this page only.
    }
  }, [])
  return [size, choose]
}
