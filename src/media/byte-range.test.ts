import { describe, expect, it } from 'vitest'
import { contentRange, parseRange } from './byte-range'

describe('parseRange', () => {
  it.each([
    ['bytes=0-99', { kind: 'partial', range: { start: 0, end: 99 } }],
    ['bytes=100-', { kind: 'partial', range: { start: 100, end: 999 } }],
    ['bytes=-100', { kind: 'partial', range: { start: 900, end: 999 } }],
    ['bytes=-5000', { kind: 'partial', range: { start: 0, end: 999 } }],
    ['bytes=990-5000', { kind: 'partial', range: { start: 990, end: 999 } }],
    ['bytes=1000-', { kind: 'unsatisfiable' }],
    ['bytes=-0', { kind: 'unsatisfiable' }],
    [undefined, { kind: 'whole' }],
    ['bytes=0-1,5-9', { kind: 'whole' }],
    ['bytes=9-1', { kind: 'whole' }],
    ['items=0-1', { kind: 'whole' }],
    ['bytes=-', { kind: 'whole' }],
    ['bytes=a-b', { kind: 'whole' }],
  ])('%s of 1000 bytes', (header, answer) => {
    expect(parseRange(header, 1000)).toEqual(answer)
  })

  it('writes Content-Range for 206 and 416', () => {
    expect(contentRange(1000, { start: 0, end: 99 })).toBe('bytes 0-99/1000')
    expect(contentRange(1000)).toBe('bytes */1000')
  })
})
