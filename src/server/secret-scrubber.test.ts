import { describe, expect, it } from 'vitest'
import { createSecretScrubber } from './secret-scrubber'

const KEY = 'cs_live_not_a_real_key_scrubber_test'
const scrub = createSecretScrubber([KEY])
const leaks = (text: string) => {
  const b64 = (s: string) => Buffer.from(s).toString('base64')
  return (
    text.includes(KEY) ||
    text.includes(KEY.slice(0, 15)) ||
    text.includes(KEY.slice(15)) ||
    [0, 1, 2].some((pad) => text.includes(b64('x'.repeat(pad) + KEY).slice(4, -4)))
  )
}

describe('secret scrubber', () => {
  it.each([
    ['as it is', `{"error":"key ${KEY} revoked"}`],
    ['JSON-escaped', `{"error":"key cs_live_\\u0053x7Qk2Lm9Pw4Rt6Yz1Ab3Cd5 revoked"}`],
    [
      'fully escaped',
      JSON.stringify({ error: KEY }).replace(/[a-z]/g, (ch) => `\\u00${ch.charCodeAt(0).toString(16)}`),
    ],
    ['split over two fields', `{"a":"${KEY.slice(0, 14)}","b":"${KEY.slice(14)}"}`],
    ['split by a separator', `{"message":"${KEY.slice(0, 16)}-${KEY.slice(16)}"}`],
    ['base64', `{"auth":"${Buffer.from(KEY).toString('base64')}"}`],
    ['base64 inside a longer value', `{"auth":"${Buffer.from(`Basic:${KEY}:x`).toString('base64')}"}`],
    ['base64url, offset by one', `{"t":"${Buffer.from(`a${KEY}`).toString('base64url')}"}`],
    ['percent-encoded', `{"url":"https://x.example/?k=${encodeURIComponent(KEY).replace(/_/g, '%5F')}"}`],
    ['in a key', `{"${KEY}":1}`],
  ])('hides the key %s', (_, text) => {
    const value = scrub.value(JSON.parse(text))
    const relayed = JSON.stringify(value)
    expect(leaks(relayed)).toBe(false)
    expect(leaks(JSON.stringify(JSON.parse(relayed)))).toBe(false)
    expect(relayed).toContain('[redacted]')
  })

  it('hides the key in text that is not JSON', () => {
    expect(scrub.text(`<html>${KEY}</html>`)).toBe('<html>[redacted]</html>')
  })

  it('returns a clean value itself, untouched', () => {
    const clean = { id: 'req_1', output: { video_url: 'https://storage.googleapis.com/a/b.mp4' }, list: ['a', 1] }
    expect(scrub.value(clean)).toBe(clean)
    expect(scrub.text('plain')).toBe('plain')
  })
})
