import { describe, expect, it } from 'vitest'
import type { Database } from './database'
import { InvalidCursor } from './ledger-errors'
import { containsPattern, decodeCursor, encodeCursor, listPeople, listRenders, searchWords } from './render-list'
import { applyRequestObject, markAccepted, recordSubmission, updateRender } from './render-store'
import { submission } from './test-fixtures'
import { ENGINES, useTestLedger } from './test-ledger'

const T0 = 1_800_000_000_000

/** `n` renders in one statement; every three share a created_at_ms, so ties are ordered by id. */
async function fill(db: Database, n: number) {
  await db.query(
    `INSERT INTO renders (id, idempotency_key, input, model, prompt, create_body, status, created_at_ms, updated_at_ms)
     SELECT 'r' || lpad(i::text, 5, '0'), 'k' || i, jsonb_build_object('model', 'm', 'prompt', 'p' || i), 'm',
       'p' || i, '{}', 'succeeded', $1::bigint + (i / 3), $1::bigint
     FROM generate_series(1, $2::int) AS i`,
    [T0, n],
  )
}

async function recordWith(db: Database, prompt: string, extra: Parameters<typeof submission>[0] = {}) {
  return recordSubmission(db, submission({ input: { model: 'seedance2', prompt }, ...extra }))
}

describe.each(ENGINES)('listRenders on %s', (engine) => {
  const ledger = useTestLedger(engine)

  it('pages through 500 renders 50 at a time, newest first, each exactly once', async () => {
    await fill(ledger.db, 500)
    const seen: string[] = []
    let cursor: string | null = null
    let pages = 0
    do {
      const page = await listRenders(ledger.db, { limit: 50, cursor })
      seen.push(...page.items.map((r) => r.id))
      cursor = page.nextCursor
      pages += 1
    } while (cursor)
    expect(pages).toBe(10)
    expect(new Set(seen).size).toBe(500)
    const expected = Array.from({ length: 500 }, (_, i) => ({
      id: `r${String(i + 1).padStart(5, '0')}`,
      at: (i + 1) / 3,
    }))
      .sort((a, b) => Math.floor(b.at) - Math.floor(a.at) || (a.id < b.id ? 1 : -1))
      .map((r) => r.id)
    expect(seen).toEqual(expected)
  })

  it('says there is no next page when the last one is exactly full', async () => {
    await fill(ledger.db, 100)
    const first = await listRenders(ledger.db, { limit: 50 })
    const second = await listRenders(ledger.db, { limit: 50, cursor: first.nextCursor })
    expect(second.items).toHaveLength(50)
    expect(second.nextCursor).toBeNull()
    expect((await listRenders(ledger.db)).items).toHaveLength(50)
  })

  it('filters by status (the studio words too), model, author and favourite', async () => {
    const submitting = await recordWith(ledger.db, 'one', { author: 'ana' })
    const queuedSub = submission({ input: { model: 'wan27video', prompt: 'two' }, author: 'bo' })
    const queued = await recordSubmission(ledger.db, queuedSub)
    await markAccepted(ledger.db, queuedSub.idempotencyKey, { id: 'q', status: 'queued', poll_after_ms: 1 }, T0)
    const staleSub = submission({ input: { model: 'wan27video', prompt: 'three' } })
    const stale = await recordSubmission(ledger.db, staleSub)
    await markAccepted(ledger.db, staleSub.idempotencyKey, { id: 's', status: 'queued', poll_after_ms: 1 }, T0)
    await ledger.db.query('UPDATE renders SET stale = true WHERE id = $1', [stale.id])
    const doneSub = submission({ input: { model: 'seedance2', prompt: 'four' }, author: 'ana' })
    const done = await recordSubmission(ledger.db, doneSub)
    await markAccepted(ledger.db, doneSub.idempotencyKey, { id: 'd', status: 'queued', poll_after_ms: 1 }, T0)
    await applyRequestObject(ledger.db, 'd', { id: 'd', operation: 'video.generate', status: 'succeeded' }, T0)
    await updateRender(ledger.db, done.id, { favourite: true })

    const ids = async (query: Parameters<typeof listRenders>[1]) =>
      (await listRenders(ledger.db, query)).items.map((r) => r.id).sort()
    expect(await ids({ status: 'submitting' })).toEqual([submitting.id])
    expect(await ids({ status: 'queued' })).toEqual([queued.id])
    expect(await ids({ status: 'stale' })).toEqual([stale.id])
    expect(await ids({ status: 'succeeded' })).toEqual([done.id])
    expect(await ids({ status: 'failed' })).toEqual([])
    expect(await ids({ status: 'processing' })).toEqual([])
    expect(await ids({ model: 'wan27video' })).toEqual([queued.id, stale.id].sort())
    expect(await ids({ author: 'ana' })).toEqual([submitting.id, done.id].sort())
    expect(await ids({ favourite: true })).toEqual([done.id])
    expect(await ids({ favourite: false })).toHaveLength(3)
    expect(await ids({ model: 'seedance2', author: 'ana', status: 'succeeded' })).toEqual([done.id])
  })

  it('searches prompts case-insensitively, taking % _ and \\ literally', async () => {
    const plain = await recordWith(ledger.db, 'A Lighthouse at Dusk')
    const percent = await recordWith(ledger.db, 'zoom to 100% scale')
    const underscore = await recordWith(ledger.db, 'file_name here')
    const slash = await recordWith(ledger.db, 'back\\slash')
    await recordWith(ledger.db, 'filename here, 1000 scale')
    const ids = async (q: string) => (await listRenders(ledger.db, { q })).items.map((r) => r.id)
    expect(await ids('lighthouse')).toEqual([plain.id])
    expect(await ids('LIGHTHOUSE AT')).toEqual([plain.id])
    expect(await ids('100%')).toEqual([percent.id])
    expect(await ids('0%')).toEqual([percent.id])
    expect(await ids('e_n')).toEqual([underscore.id])
    expect(await ids('k\\s')).toEqual([slash.id])
    expect(await ids('%')).toEqual([percent.id])
    expect(await ids('nothing like it')).toEqual([])
    expect(await ids('  ')).toHaveLength(5)
  })

  it('finds every word of a search in any order, in the prompt or in the model the word names', async () => {
    const market = await recordWith(ledger.db, 'Night market in Tokyo, neon rain')
    const grok = await recordSubmission(ledger.db, submission({ input: { model: 'grok', prompt: 'A quiet harbour' } }))
    const tokyoGrok = await recordSubmission(
      ledger.db,
      submission({ input: { model: 'grok', prompt: 'Tokyo tower at noon' } }),
    )
    await recordWith(ledger.db, 'A night in Kyoto')
    const names: Record<string, string> = { grok: 'Grok', seedance2: 'Seedance 2.0' }
    const modelsMatching = (word: string) => Object.keys(names).filter((id) => names[id]!.toLowerCase().includes(word))
    const ids = async (q: string) => (await listRenders(ledger.db, { q, modelsMatching })).items.map((r) => r.id).sort()
    expect(await ids('tokyo night')).toEqual([market.id])
    expect(await ids('NIGHT   tokyo ')).toEqual([market.id])
    expect(await ids('grok')).toEqual([grok.id, tokyoGrok.id].sort())
    expect(await ids('tokyo grok')).toEqual([tokyoGrok.id])
    expect(await ids('tokyo seedance')).toEqual([market.id])
    expect(await ids('tokyo night grok')).toEqual([])
    // Without a way to name models, words are looked for in the prompt only.
    expect((await listRenders(ledger.db, { q: 'grok' })).items).toEqual([])
  })

  it('leaves deleted renders out unless asked', async () => {
    const kept = await recordWith(ledger.db, 'kept')
    const gone = await recordWith(ledger.db, 'gone')
    await updateRender(ledger.db, gone.id, { deleted: true })
    expect((await listRenders(ledger.db)).items.map((r) => r.id)).toEqual([kept.id])
    const all = await listRenders(ledger.db, { includeDeleted: true })
    expect(all.items.map((r) => [r.id, r.deleted]).sort()).toEqual(
      [
        [kept.id, false],
        [gone.id, true],
      ].sort(),
    )
  })

  it('refuses a malformed cursor and a limit out of range', async () => {
    for (const cursor of [
      '!!',
      'bm90IGpzb24',
      encodeURIComponent('[1]'),
      Buffer.from('[1.5,"x"]').toString('base64url'),
    ])
      await expect(listRenders(ledger.db, { cursor })).rejects.toBeInstanceOf(InvalidCursor)
    await expect(listRenders(ledger.db, { limit: 0 })).rejects.toBeInstanceOf(RangeError)
    await expect(listRenders(ledger.db, { limit: 201 })).rejects.toBeInstanceOf(RangeError)
    await expect(listRenders(ledger.db, { limit: 2.5 })).rejects.toBeInstanceOf(RangeError)
    expect((await listRenders(ledger.db, { limit: 200 })).items).toEqual([])
  })
})

describe.each(ENGINES)('listPeople on %s', (engine) => {
  const ledger = useTestLedger(engine)

  it('names everyone on a listed render once, alphabetically, with how many and how they signed', async () => {
    await recordWith(ledger.db, 'one', { author: 'ben', authorVerified: true })
    await recordWith(ledger.db, 'two', { author: 'Ana' })
    await recordWith(ledger.db, 'three', { author: 'Ana', authorVerified: true })
    await recordWith(ledger.db, 'four')
    const gone = await recordWith(ledger.db, 'five', { author: 'Cleo' })
    await updateRender(ledger.db, gone.id, { deleted: true })
    expect(await listPeople(ledger.db)).toEqual([
      { name: 'Ana', renders: 2, verified: true, selfDeclared: true },
      { name: 'ben', renders: 1, verified: true, selfDeclared: false },
    ])
  })
})

describe('cursors and patterns', () => {
  it('splits a search into its distinct words', () => {
    expect(searchWords('  Tokyo   night tokyo ')).toEqual(['tokyo', 'night'])
    expect(searchWords(undefined)).toEqual([])
    expect(searchWords(Array.from({ length: 20 }, (_, i) => `w${i}`).join(' '))).toHaveLength(12)
  })

  it('round-trips a cursor', () => {
    const key = { createdAtMs: T0, id: 'abc-1' }
    expect(decodeCursor(encodeCursor(key))).toEqual(key)
    expect(() => decodeCursor(Buffer.from('{"a":1}').toString('base64url'))).toThrow(InvalidCursor)
    expect(() => decodeCursor(Buffer.from('[1,""]').toString('base64url'))).toThrow(InvalidCursor)
  })

  it('escapes LIKE wildcards', () => {
    expect(containsPattern('50%_a\\b')).toBe('%50\\%\\_a\\\\b%')
  })
})
