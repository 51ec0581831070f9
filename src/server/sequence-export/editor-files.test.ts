import { XMLParser } from 'fast-xml-parser'
import { describe, expect, it } from 'vitest'
import type { CutShot } from './cut'
import { fcpXml } from './fcp-xml'
import { otioTimeline } from './otio'
import { handMadeCut } from './test-clips'

const shot = (takeId: string, overrides: Partial<CutShot>): CutShot => ({
  takeId,
  name: `shot-${takeId}-seedance2-${takeId}.mp4`,
  model: 'seedance2',
  inMs: 0,
  outMs: 4000,
  file: `/data/media/${takeId}.mp4`,
  url: `/media/${takeId}.mp4`,
  width: 1280,
  height: 720,
  fps: { num: 24, den: 1 },
  hasAudio: true,
  durationMs: 5000,
  ...overrides,
})

// Each take with its in and out points in its own frames: 24 fps 0.5–4.5 s, 29.97 fps 1–3 s, 24 fps 0–5 s.
const shots = [
  shot('a1', { inMs: 500, outMs: 4500 }),
  shot('b2', { fps: { num: 30000, den: 1001 }, inMs: 1000, outMs: 3000, hasAudio: false, model: 'veo31' }),
  shot('a1', { inMs: 0, outMs: 5000, url: 'https://media.example/a1.mp4' }),
]
const expected = [
  { takeId: 'a1', rate: 24, inFrame: 12, outFrame: 108, url: 'https://studio.example/media/a1.mp4' },
  { takeId: 'b2', rate: 30000 / 1001, inFrame: 30, outFrame: 90, url: 'https://studio.example/media/b2.mp4' },
  { takeId: 'a1', rate: 24, inFrame: 0, outFrame: 120, url: 'https://media.example/a1.mp4' },
]
const ORIGIN = 'https://studio.example'

interface Time {
  OTIO_SCHEMA: string
  rate: number
  value: number
}
interface OtioClip {
  OTIO_SCHEMA: string
  name: string
  metadata: { cannon_studio?: { take_id: string; model: string } }
  source_range: { OTIO_SCHEMA: string; start_time: Time; duration: Time }
  media_references?: { DEFAULT_MEDIA: { OTIO_SCHEMA: string; target_url: string } }
  active_media_reference_key?: string
}

describe('the cut for editors', () => {
  it('writes OpenTimelineIO: a timeline, a stack, a video and an audio track, each take with its range', () => {
    const timeline = JSON.parse(otioTimeline(handMadeCut(shots), ORIGIN))
    expect(timeline).toMatchObject({ OTIO_SCHEMA: 'Timeline.1', name: 'Night market' })
    expect(timeline.tracks.OTIO_SCHEMA).toBe('Stack.1')
    const [video, audio] = timeline.tracks.children as { OTIO_SCHEMA: string; kind: string; children: OtioClip[] }[]
    expect([video?.OTIO_SCHEMA, video?.kind, audio?.OTIO_SCHEMA, audio?.kind]).toEqual([
      'Track.1',
      'Video',
      'Track.1',
      'Audio',
    ])
    video!.children.forEach((clip, i) => {
      const want = expected[i]!
      expect(clip.OTIO_SCHEMA).toBe('Clip.2')
      expect(clip.metadata.cannon_studio).toMatchObject({ take_id: want.takeId, model: shots[i]!.model })
      expect(clip.source_range.OTIO_SCHEMA).toBe('TimeRange.1')
      expect(clip.source_range.start_time).toEqual({
        OTIO_SCHEMA: 'RationalTime.1',
        rate: want.rate,
        value: want.inFrame,
      })
      expect(clip.source_range.duration.value).toBe(want.outFrame - want.inFrame)
      expect(clip.active_media_reference_key).toBe('DEFAULT_MEDIA')
      expect(clip.media_references?.DEFAULT_MEDIA).toMatchObject({
        OTIO_SCHEMA: 'ExternalReference.1',
        target_url: want.url,
      })
    })
    // The silent take leaves a gap of its length on the audio track, so sound stays in step with picture.
    expect(audio!.children.map((c) => c.OTIO_SCHEMA)).toEqual(['Clip.2', 'Gap.1', 'Clip.2'])
    expect(audio!.children[1]!.source_range.duration.value).toBe(60)
  })

  it('writes Final Cut Pro 7 XML: each take’s clip item with its in and out frames, placed end to end', () => {
    const xml = fcpXml(handMadeCut(shots), ORIGIN)
    const parser = new XMLParser({
      ignoreAttributes: false,
      isArray: (name) => ['clipitem', 'track', 'link'].includes(name),
    })
    const doc = parser.parse(xml)
    expect(doc.xmeml['@_version']).toBe('4')
    const sequence = doc.xmeml.sequence
    expect(sequence.rate).toEqual({ timebase: 24, ntsc: 'FALSE' })
    const items = sequence.media.video.track[0].clipitem
    expect(items).toHaveLength(3)
    let start = 0
    items.forEach((item: Record<string, unknown> & { file: Record<string, unknown> }, i: number) => {
      const want = expected[i]!
      expect([item.in, item.out]).toEqual([want.inFrame, want.outFrame])
      expect(item.rate).toEqual(i === 1 ? { timebase: 30, ntsc: 'TRUE' } : { timebase: 24, ntsc: 'FALSE' })
      expect(item.start).toBe(start)
      start = item.end as number
      if (item.file.pathurl !== undefined) expect(item.file.pathurl).toBe(want.url)
    })
    // 96 + 48 (2 s at 24) + 120 sequence frames; the same take is one file, described once and referred to after.
    expect(sequence.duration).toBe(264)
    expect(start).toBe(264)
    expect(items.map((item: { file: { '@_id': string } }) => item.file['@_id'])).toEqual(['file-1', 'file-2', 'file-1'])
    expect(items[2].file.pathurl).toBeUndefined()
    const sounding = sequence.media.audio.track[0].clipitem
    expect(sounding.map((item: { in: number; out: number }) => [item.in, item.out])).toEqual([
      [12, 108],
      [0, 120],
    ])
  })

  it('escapes names in the XML and keeps it well formed', () => {
    const odd = [shot('c3', { name: 'fish & chips <night> "cut".mp4' })]
    const xml = fcpXml(handMadeCut(odd, 'Tom & Jerry’s <cut>'), ORIGIN)
    const doc = new XMLParser().parse(xml)
    expect(doc.xmeml.sequence.name).toBe('Tom & Jerry’s <cut>')
    expect(doc.xmeml.sequence.media.video.track.clipitem.name).toBe('fish & chips <night> "cut".mp4')
  })
})
