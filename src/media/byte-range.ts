import type { ByteRange } from './media-store'

export type RangeAnswer = { kind: 'whole' } | { kind: 'partial'; range: ByteRange } | { kind: 'unsatisfiable' }

const SINGLE_RANGE = /^bytes=(\d*)-(\d*)$/

/**
 * An HTTP Range header (RFC 9110 §14) against a file of `size` bytes: one range (`bytes=0-99`, `bytes=100-`,
 * `bytes=-100`) is served as 206, one past the end as 416 (`unsatisfiable`), and anything else (absent, malformed,
 * several ranges, other units) as the whole file with 200, which the RFC allows.
 */
export function parseRange(header: string | null | undefined, size: number): RangeAnswer {
  const match = header ? SINGLE_RANGE.exec(header.trim()) : null
  if (!match) return { kind: 'whole' }
  const [, first = '', last = ''] = match
  if (first === '' && last === '') return { kind: 'whole' }
  if (first === '') {
    const suffix = Number(last)
    if (suffix === 0 || size === 0) return { kind: 'unsatisfiable' }
    return { kind: 'partial', range: { start: Math.max(0, size - suffix), end: size - 1 } }
  }
  const start = Number(first)
  const end = last === '' ? size - 1 : Math.min(Number(last), size - 1)
  if (last !== '' && Number(last) < start) return { kind: 'whole' } // invalid: ignored
  if (start >= size) return { kind: 'unsatisfiable' }
  return { kind: 'partial', range: { start, end } }
}

/** The Content-Range value of a 206 (`bytes 0-99/1000`) or of a 416 (`bytes *\/1000`). */
export function contentRange(size: number, range?: ByteRange): string {
  return range ? `bytes ${range.start}-${range.end}/${size}` : `bytes */${size}`
}
