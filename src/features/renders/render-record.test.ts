import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { durationOf, isCurrentRecord } from './render-record'
import { renderRecordSchema } from './render-record-schema'

const current = {
  localId: 'l-1',
  idempotencyKey: 'k-1',
  requestId: 'req_1',
  input: { model: 'grok', prompt: 'A fox', duration: 6 },
  status: 'succeeded',
  createdAtMs: 1,
  updatedAtMs: 2,
  billableCredits: 18,
  output: { video_url: '/demo/lava-16x9-4s.mp4', aspect_ratio: '16:9' },
  errorMessage: null,
  favourite: false,
  stale: false,
  synced: true,
  deleted: false,
}

const anyValue = fc.oneof(fc.anything(), fc.constant(undefined), fc.constant(null))
const mutated = fc
  .record({ field: fc.constantFrom(...Object.keys(current), 'output.video_url', 'input.prompt'), value: anyValue })
  .map(({ field, value }) => {
    const copy = structuredClone(current) as Record<string, unknown>
    const [head, tail] = field.split('.')
    if (tail) (copy[head!] as Record<string, unknown>)[tail] = value
    else copy[head!] = value
    return copy
  })

describe('isCurrentRecord, the fast path of loading renders', () => {
  it('takes a record as the studio writes it', () => {
    expect(isCurrentRecord(current)).toBe(true)
  })

  it('never lets through a value the full schema would refuse', () => {
    fc.assert(
      fc.property(fc.oneof(mutated, anyValue), (value) => {
        if (isCurrentRecord(value)) expect(renderRecordSchema.safeParse(value).success).toBe(true)
      }),
      { numRuns: 2000 },
    )
  })

  it('leaves older records (no defaults yet) to the full schema', () => {
    const { favourite: _favourite, stale: _stale, ...older } = current
    expect(isCurrentRecord(older)).toBe(false)
    expect(renderRecordSchema.parse(older)).toMatchObject({ favourite: false, stale: false })
  })
})

it('gives a take the length it has, over the one asked', () => {
  expect(durationOf(current)).toBe(6)
  expect(durationOf({ ...current, input: { ...current.input, duration: 12 }, output: { duration: 10 } })).toBe(10)
  expect(durationOf({ ...current, input: { model: 'nanobanana', prompt: 'x' }, output: null })).toBeUndefined()
})
