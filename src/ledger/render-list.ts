import type { Render } from '@/catalog/render-contract'
import type { Database } from './database'
import { InvalidCursor } from './ledger-errors'
import { rowToRender, type RenderRow } from './render-row'

export interface ListRendersQuery {
  /** 1–200, default 50. */
  limit?: number
  /** `nextCursor` of the previous page. */
  cursor?: string | null
  /** A studio word ('submitting', 'queued', 'processing', 'succeeded', 'failed', 'stale') or Cannon's own. */
  status?: string
  model?: string
  /**
   * Words, in any order: each must be in the prompt (case-insensitive) or name one of the models
   * `modelsMatching` gives for it.
   */
  q?: string
  /** The model ids a search word names (e.g. "grok" → grok; "2.0" → seedance2, seedance2fast). */
  modelsMatching?: (word: string) => readonly string[]
  favourite?: boolean
  /** true: takes whose sampling found a fault; false: takes checked and found clean. */
  flagged?: boolean
  /** true: takes with comments not resolved yet. */
  commented?: boolean
  /** 'unrated': takes with no rating yet. */
  rating?: 'pick' | 'reject' | 'unrated'
  author?: string
  /** With `author`: only renders whose author signed in with their own token. */
  authorVerified?: boolean
  includeDeleted?: boolean
}

export interface RendersPage {
  items: Render[]
  nextCursor: string | null
}

export const DEFAULT_PAGE_SIZE = 50
export const MAX_PAGE_SIZE = 200

interface CursorKey {
  createdAtMs: number
  id: string
}

/** Opaque to callers: base64url of the last item's keyset position. */
export function encodeCursor(key: CursorKey): string {
  return Buffer.from(JSON.stringify([key.createdAtMs, key.id])).toString('base64url')
}

export function decodeCursor(cursor: string): CursorKey {
  if (!/^[A-Za-z0-9_-]{1,400}$/.test(cursor)) throw new InvalidCursor()
  let value: unknown
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))
  } catch {
    throw new InvalidCursor()
  }
  if (!Array.isArray(value) || value.length !== 2) throw new InvalidCursor()
  const [createdAtMs, id] = value as unknown[]
  if (!Number.isSafeInteger(createdAtMs) || typeof id !== 'string' || id === '') throw new InvalidCursor()
  return { createdAtMs: createdAtMs as number, id }
}

/** `term` as a LIKE pattern that matches it literally anywhere (\ % _ escaped with the default escape, \). */
export function containsPattern(term: string): string {
  return `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
}

/** At most this many words of a search are used: each adds a condition. */
export const MAX_SEARCH_WORDS = 12

/** A search as the words it must match, each once, in the order typed. */
export function searchWords(q: string | undefined): string[] {
  const words = (q ?? '').toLowerCase().split(/\s+/).filter(Boolean)
  return [...new Set(words)].slice(0, MAX_SEARCH_WORDS)
}

const UNFINISHED_WORDS = new Set(['submitting', 'queued', 'processing'])

/**
 * The gallery's pages: newest first by (created_at_ms, id), keyset-paged so that rows arriving meanwhile
 * never shift a page. Every filter combination runs on an index ending in that keyset.
 */
export async function listRenders(db: Database, query: ListRendersQuery = {}): Promise<RendersPage> {
  const limit = query.limit ?? DEFAULT_PAGE_SIZE
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_SIZE)
    throw new RangeError(`limit must be an integer from 1 to ${MAX_PAGE_SIZE}`)
  const params: unknown[] = []
  const param = (value: unknown) => {
    params.push(value)
    return `$${params.length}`
  }
  const where: string[] = []
  if (!query.includeDeleted) where.push('deleted_at_ms IS NULL')
  if (query.status === 'stale') where.push('stale')
  else if (query.status !== undefined) {
    where.push(`status = ${param(query.status)}`)
    // An unfinished render that went stale is listed as stale, not as still queued or processing.
    if (UNFINISHED_WORDS.has(query.status)) where.push('NOT stale')
  }
  if (query.model !== undefined) where.push(`model = ${param(query.model)}`)
  if (query.author !== undefined) where.push(`author = ${param(query.author)}`)
  if (query.authorVerified !== undefined) where.push(query.authorVerified ? 'author_verified' : 'NOT author_verified')
  if (query.favourite !== undefined) where.push(query.favourite ? 'favourite' : 'NOT favourite')
  if (query.flagged !== undefined)
    where.push(query.flagged ? 'jsonb_array_length(quality_flags) > 0' : `quality_flags = '[]'::jsonb`)
  if (query.commented !== undefined) where.push(query.commented ? 'open_comments > 0' : 'open_comments = 0')
  if (query.rating === 'unrated') where.push('rating IS NULL')
  else if (query.rating !== undefined) where.push(`rating = ${param(query.rating)}`)
  for (const word of searchWords(query.q)) {
    const inPrompt = `prompt ILIKE ${param(containsPattern(word))}`
    const models = query.modelsMatching?.(word) ?? []
    where.push(models.length ? `(${inPrompt} OR model = ANY(${param(models)}::text[]))` : inPrompt)
  }
  if (query.cursor) {
    const after = decodeCursor(query.cursor)
    where.push(`(created_at_ms, id) < (${param(after.createdAtMs)}::bigint, ${param(after.id)})`)
  }
  const rows = await db.query<RenderRow>(
    `SELECT * FROM renders ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
     ORDER BY created_at_ms DESC, id DESC LIMIT ${param(limit + 1)}::int`,
    params,
  )
  const items = rows.slice(0, limit).map(rowToRender)
  const last = items.at(-1)
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(last) : null }
}

export interface Person {
  name: string
  renders: number
  verified: boolean
  selfDeclared: boolean
}

/** Everyone whose name is on a listed (not deleted) render, in alphabetical order, with how many they made. */
export async function listPeople(db: Database): Promise<Person[]> {
  return db.query<Person>(
    `SELECT author AS name, count(*)::int AS renders, bool_or(author_verified) AS verified,
       bool_or(NOT author_verified) AS "selfDeclared"
     FROM renders WHERE author IS NOT NULL AND deleted_at_ms IS NULL
     GROUP BY author ORDER BY lower(author), author`,
  )
}
