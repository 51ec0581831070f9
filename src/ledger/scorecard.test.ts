import { describe, expect, it } from 'vitest'
import { mediaModes } from '@/catalog/media-modes'
import { detectMode } from '@/catalog/modes'
import { catalogV1 } from '@/catalog/models-v1'
import type { ScorecardRow } from '@/catalog/review-contract'
import { recordQualityFlags } from './quality-flags'
import { importRenders, type ImportedRender } from './render-transfer'
import { modelScorecard } from './scorecard'
import { ENGINES, useTestLedger } from './test-ledger'

const T0 = 1_800_000_000_000
const modes = mediaModes(catalogV1)

/** A seeded history: several models, modes and durations, every status, ratings, bills and render times. */
function history(count: number): ImportedRender[] {
  let seed = 7
  const next = (n: number) => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31), seed % n)
  const shapes = [
    { model: 'grok', duration: 6 },
    { model: 'grok', duration: 10 },
    { model: 'grok', duration: 6, image_url: 'https://cdn.example.com/a.png' },
    { model: 'wan27video', duration: 5 },
    { model: 'wan27video', duration: 5, image_url: 'https://cdn.example.com/a.png', last_frame_url: 'https://x/b.png' },
    { model: 'wan27video', duration: 5, audio_url: 'https://cdn.example.com/v.mp3' },
    { model: 'nanobanana' },
  ]
  return Array.from({ length: count }, (_, i) => {
    const shape = shapes[next(shapes.length)]!
    const status = ['succeeded', 'succeeded', 'succeeded', 'failed', 'processing'][next(5)]!
    const createdAtMs = T0 + i * 60_000
    const done = status !== 'processing'
    const seconds = typeof shape.duration === 'number' ? shape.duration : 4
    return {
      id: `score-${i}`,
      idempotencyKey: `score-key-${i}`,
      requestId: `req_score${i}`,
      input: { ...shape, prompt: `shot ${i}` },
      status,
      createdAtMs,
      completedAtMs: done ? createdAtMs + 20_000 + next(90_000) : null,
      billableCredits: done && next(6) > 0 ? 10 + next(40) : null,
      output: status === 'succeeded' ? { video_url: `https://cdn.example.com/${i}.mp4`, duration: seconds } : null,
      keptVideoUrl: status === 'succeeded' ? `/media/${i}.mp4` : null,
      rating: status === 'succeeded' ? ([null, 'pick', 'reject'] as const)[next(3)] : null,
      deleted: next(10) === 0,
    }
  })
}

const median = (values: number[]) => {
  if (values.length === 0) return null
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length / 2
  return Math.round(Number.isInteger(mid) ? (sorted[mid - 1]! + sorted[mid]!) / 2 : sorted[Math.floor(mid)]!)
}

/** The scorecard worked out the plain way, one render at a time. */
function expected(renders: ImportedRender[], flagged: Set<string>, key: (r: ImportedRender) => string) {
  const groups = new Map<string, ImportedRender[]>()
  for (const r of renders) groups.set(key(r), [...(groups.get(key(r)) ?? []), r])
  return new Map(
    [...groups].map(([k, rs]) => {
      const picks = rs.filter((r) => r.rating === 'pick')
      const credits = rs.reduce((sum, r) => sum + (r.billableCredits ?? 0), 0)
      const succeeded = rs.filter((r) => r.status === 'succeeded')
      const failed = rs.filter((r) => r.status === 'failed').length
      const pickedSeconds = picks.reduce((sum, r) => sum + (r.output?.duration ?? 0), 0)
      return [
        k,
        {
          renders: rs.length,
          succeeded: succeeded.length,
          failed,
          picks: picks.length,
          rejects: rs.filter((r) => r.rating === 'reject').length,
          flagged: rs.filter((r) => flagged.has(r.id)).length,
          failureRate: succeeded.length + failed ? failed / (succeeded.length + failed) : null,
          medianRenderMs: median(succeeded.map((r) => r.completedAtMs! - r.createdAtMs)),
          credits,
          creditsPerPick: picks.length ? credits / picks.length : null,
          creditsPerPickedSecond: picks.length ? credits / pickedSeconds : null,
        },
      ]
    }),
  )
}

const modeOf = (r: ImportedRender) => {
  const model = catalogV1.models.find((m) => m.id === r.input.model)!
  const detected = detectMode(model, r.input)
  return detected.ok ? detected.mode.id : null
}
const close = (row: ScorecardRow) => ({
  ...row,
  failureRate: row.failureRate && Number(row.failureRate.toFixed(9)),
  creditsPerPick: row.creditsPerPick && Number(row.creditsPerPick.toFixed(9)),
  creditsPerPickedSecond: row.creditsPerPickedSecond && Number(row.creditsPerPickedSecond.toFixed(9)),
})

describe.each(ENGINES)('the model scorecard on %s', (engine) => {
  const ledger = useTestLedger(engine)

  it('sums a seeded history per model, mode and duration exactly as a plain count of its renders does', async () => {
    const all = history(240)
    await importRenders(ledger.db, all, T0)
    const checked = all.filter((r, i) => r.status === 'succeeded' && !r.deleted && i % 4 === 0)
    const flagged = new Set(checked.map((r) => r.id))
    const black = { kind: 'black' as const, atMs: 0, detail: 'black for 1.0 s' }
    for (const id of flagged) await recordQualityFlags(ledger.db, id, { sampler: 1, flags: [black] })

    // A window of the history: renders created in it count, the others do not.
    const [fromMs, toMs] = [T0 + 30 * 60_000, T0 + 200 * 60_000]
    const inRange = all.filter((r) => r.createdAtMs >= fromMs && r.createdAtMs < toMs)
    const card = await modelScorecard(ledger.db, { fromMs, toMs, modes })

    const byModel = expected(inRange, flagged, (r) => r.input.model)
    expect(card.models.map(close)).toEqual(
      [...byModel]
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([model, sums]) => close({ model, mode: null, seconds: null, ...sums })),
    )
    const detailKey = (r: ImportedRender) =>
      JSON.stringify([r.input.model, modeOf(r), typeof r.input.duration === 'number' ? r.input.duration : null])
    const byDetail = expected(inRange, flagged, detailKey)
    expect(card.rows).toHaveLength(byDetail.size)
    for (const row of card.rows) {
      expect(close(row)).toEqual(
        close({ ...row, ...byDetail.get(JSON.stringify([row.model, row.mode, row.seconds]))! }),
      )
    }
    // The seeded modes all show: text, first frame, first + last frame, text with sound.
    expect(new Set(card.rows.map((r) => r.mode)).size).toBeGreaterThanOrEqual(3)
    expect(card.rows.every((r) => r.mode !== null)).toBe(true)
  })

  it('answers nothing for a range without renders', async () => {
    expect(await modelScorecard(ledger.db, { fromMs: 0, toMs: 1, modes })).toEqual({ models: [], rows: [] })
  })
})
