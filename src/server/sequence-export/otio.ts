import { rateValue, type Cut, type Rate } from './cut'
import { editorClips, type EditorClip } from './editor-clips'

/*
 * The cut as OpenTimelineIO JSON (.otio), with the schema versions OpenTimelineIO writes today (Timeline.1,
 * Stack.1, Track.1, Clip.2, Gap.1, ExternalReference.1, TimeRange.1, RationalTime.1): one video track and one
 * audio track, a gap on the audio track where a take has no sound, so both stay in step.
 */

const time = (value: number, rate: Rate) => ({ OTIO_SCHEMA: 'RationalTime.1', rate: rateValue(rate), value })
const range = (start: number, duration: number, rate: Rate) => ({
  OTIO_SCHEMA: 'TimeRange.1',
  duration: time(duration, rate),
  start_time: time(start, rate),
})
const item = { effects: [], markers: [], enabled: true }

function clip({ shot, url, inFrame, frames, takeFrames }: EditorClip) {
  return {
    OTIO_SCHEMA: 'Clip.2',
    metadata: { cannon_studio: { take_id: shot.takeId, model: shot.model, in_ms: shot.inMs, out_ms: shot.outMs } },
    name: shot.name,
    source_range: range(inFrame, frames, shot.fps),
    ...item,
    media_references: {
      DEFAULT_MEDIA: {
        OTIO_SCHEMA: 'ExternalReference.1',
        metadata: {},
        name: shot.name,
        available_range: range(0, takeFrames, shot.fps),
        available_image_bounds: null,
        target_url: url,
      },
    },
    active_media_reference_key: 'DEFAULT_MEDIA',
  }
}

const gap = ({ shot, frames }: EditorClip) => ({
  OTIO_SCHEMA: 'Gap.1',
  metadata: {},
  name: '',
  source_range: range(0, frames, shot.fps),
  ...item,
})

const track = (name: string, kind: 'Video' | 'Audio', children: unknown[]) => ({
  OTIO_SCHEMA: 'Track.1',
  metadata: {},
  name,
  source_range: null,
  ...item,
  children,
  kind,
})

/** The .otio file's text. */
export function otioTimeline(cut: Cut, origin: string): string {
  const clips = editorClips(cut, origin)
  const timeline = {
    OTIO_SCHEMA: 'Timeline.1',
    metadata: { cannon_studio: { sequence_id: cut.sequenceId, version: cut.version } },
    name: cut.name,
    global_start_time: null,
    tracks: {
      OTIO_SCHEMA: 'Stack.1',
      metadata: {},
      name: cut.name,
      source_range: null,
      ...item,
      children: [
        track('Video 1', 'Video', clips.map(clip)),
        track(
          'Audio 1',
          'Audio',
          clips.map((c) => (c.shot.hasAudio ? clip(c) : gap(c))),
        ),
      ],
    },
  }
  return JSON.stringify(timeline, null, 2)
}
