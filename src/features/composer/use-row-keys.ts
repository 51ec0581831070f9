import { useEffect, useRef, useState } from 'react'

const sameRows = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((r, i) => r === b[i])

let counter = 0
export const newRowKey = () => `row-${Date.now().toString(36)}-${++counter}`

/**
 * Stable React keys for the rows of a URL list, so a row's upload stays with its row when another is removed.
 * Every change the list makes itself goes through `apply`, which keeps each row's key; a change from outside
 * (a model switch, a remix) gives fresh keys by position.
 */
export function useRowKeys(rows: readonly string[]) {
  const [tracked, setTracked] = useState<{ rows: readonly string[]; keys: string[] }>({ rows: [], keys: [] })
  const keys = sameRows(tracked.rows, rows) ? tracked.keys : rows.map((_, i) => `at-${i}`)
  const latest = useRef({ rows, keys })
  useEffect(() => {
    latest.current = { rows, keys }
  })
  const apply = (nextRows: readonly string[], nextKeys: string[]) => {
    // Two uploads may finish before the next render: the second must build on the first.
    latest.current = { rows: nextRows, keys: nextKeys }
    setTracked({ rows: nextRows, keys: nextKeys })
  }
  return { keys, apply, latest }
}
