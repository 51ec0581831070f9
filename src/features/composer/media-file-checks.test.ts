import { describe, expect, it } from 'vitest'
import type { MediaSlot } from '@/catalog/catalog-schema'
import { acceptFor, claimedKind, durationProblem, fileProblem } from './media-file-checks'

const file = (name: string, type: string, size = 10) => {
  const f = new File(['x'], name, { type })
  Object.defineProperty(f, 'size', { value: size })
  return f
}
const MB = 1024 * 1024

describe('what a file claims to be', () => {
  it.each([
    ['a.jpg', 'image/jpeg', 'image'],
    ['a.JPEG', '', 'image'],
    ['a.webp', 'application/octet-stream', 'image'],
    ['a.mov', 'video/quicktime', 'video'],
    ['a.webm', '', 'video'],
    ['a.m4a', 'audio/x-m4a', 'audio'],
    ['a.wav', 'audio/x-wav', 'audio'],
    ['a.aac', 'audio/vnd.dlna.adts', 'audio'],
    ['a.mp3', 'audio/mp3', 'audio'],
  ])('%s (%s) is %s', (name, type, kind) => {
    expect(claimedKind(file(name, type))).toBe(kind)
  })

  it.each([
    ['logo.svg', 'image/svg+xml'],
    ['anim.gif', 'image/gif'],
    ['page.html', 'text/html'],
    ['disguised.png', 'text/html'],
    ['clip.mkv', 'video/x-matroska'],
    ['noname', ''],
  ])('%s (%s) is nothing the studio takes', (name, type) => {
    expect(claimedKind(file(name, type))).toBeUndefined()
  })

  it('offers the picker exactly the kind’s types', () => {
    expect(acceptFor('image')).toBe('image/jpeg,image/png,image/webp,.jpg,.png,.webp,.jpeg')
    expect(acceptFor('audio')).toBe('audio/mpeg,audio/wav,audio/mp4,audio/aac,.mp3,.wav,.m4a,.aac')
  })
})

describe('refusals before sending', () => {
  it('name the slot, what it takes and the file', () => {
    expect(fileProblem(file('logo.svg', 'image/svg+xml'), 'image', 'First frame')).toBe(
      'First frame takes JPEG, PNG or WebP images; logo.svg is not one',
    )
    expect(fileProblem(file('a.png', 'image/png'), 'video', 'Source clip')).toBe(
      'Source clip takes MP4, MOV or WebM clips; a.png is not one',
    )
    expect(fileProblem(file('a.ogg', 'audio/ogg'), 'audio', 'Audio')).toBe(
      'Audio takes MP3, WAV, M4A or AAC audio; a.ogg is not one',
    )
    expect(fileProblem(file('a.png', 'image/png', 0), 'image', 'First frame')).toBe('a.png is empty')
  })

  it('hold each kind to its byte limit', () => {
    expect(fileProblem(file('a.png', 'image/png', 20 * MB), 'image', 'x')).toBeUndefined()
    expect(fileProblem(file('a.png', 'image/png', 20 * MB + 1), 'image', 'x')).toBe(
      'Images can be at most 20 MB; this one is larger',
    )
    expect(fileProblem(file('a.mp4', 'video/mp4', 150 * MB), 'video', 'x')).toBe(
      'Videos can be at most 100 MB; this one is 150 MB',
    )
    expect(fileProblem(file('a.mp3', 'audio/mpeg', 16 * MB), 'audio', 'x')).toBe(
      'Audio files can be at most 15 MB; this one is 16 MB',
    )
  })

  it('hold clips and audio to the slot’s length, with a little slack for container padding', () => {
    const clip: MediaSlot = { field: 'source_video_url', kind: 'video', required: true, minSeconds: 2, maxSeconds: 10 }
    expect(durationProblem(clip, 'Source clip', 1)).toBe(
      'Source clip must be 2–10 s long, and this one is 1.0 s: trim it or pick another',
    )
    expect(durationProblem(clip, 'Source clip', 12.34)).toBe(
      'Source clip must be 2–10 s long, and this one is 12.3 s: trim it or pick another',
    )
    expect(durationProblem(clip, 'Source clip', 10.02)).toBeUndefined()
    expect(durationProblem(clip, 'Source clip', 2)).toBeUndefined()
    expect(durationProblem({ ...clip, minSeconds: undefined }, 'Clip', 11)).toBe(
      'Clip must be at most 10 s long, and this one is 11.0 s: trim it or pick another',
    )
    expect(durationProblem({ ...clip, maxSeconds: undefined }, 'Clip', 1)).toBe(
      'Clip must be at least 2 s long, and this one is 1.0 s: trim it or pick another',
    )
  })
})
