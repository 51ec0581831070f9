import type { RenderRecord } from './render-record'

const RANK = { pick: 0, unrated: 1, reject: 2 }

/** Picks first, rejects last, otherwise in the order given (a stable sort of a copy). */
export function byRating<T extends Pick<RenderRecord, 'rating'>>(records: readonly T[]): T[] {
  return [...records].sort((a, b) => RANK[a.rating ?? 'unrated'] - RANK[b.rating ?? 'unrated'])
}
