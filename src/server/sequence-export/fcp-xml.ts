import { chooseCanvas } from './canvas'
import type { Cut, Rate } from './cut'
import { editorClips, framesAt, timebase, type EditorClip } from './editor-clips'

/*
 * The cut as Final Cut Pro 7 XML (xmeml version 4), which Premiere Pro and DaVinci Resolve import: one sequence
 * at the cut's common rate and size, a video track and a stereo audio track. A clip item's in and out are frames
 * of its take at the take's own rate; its start and end are frames of the sequence.
 */

const escapeXml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c] ?? c)

/** An element with children (strings are already XML) or a text value (escaped). */
function el(name: string, content: string | number | readonly string[], attributes = ''): string {
  const body = Array.isArray(content) ? content.join('') : escapeXml(String(content))
  return `<${name}${attributes}>${body}</${name}>`
}

function rateXml(rate: Rate) {
  const { timebase: base, ntsc } = timebase(rate)
  return el('rate', [el('timebase', base), el('ntsc', ntsc ? 'TRUE' : 'FALSE')])
}

interface Placed extends EditorClip {
  index: number
  /** Its place on the audio track, when its take has sound. */
  audioIndex?: number
  /** One file per take, however many shots use it. */
  fileId: string
  start: number
  end: number
}

/** The take's file: described in full where it first appears, referred to by id after that. */
function fileXml({ shot, url, takeFrames, fileId }: Placed, described: Set<string>) {
  if (described.has(fileId)) return `<file id="${fileId}"/>`
  described.add(fileId)
  const picture = el('video', [el('samplecharacteristics', [el('width', shot.width), el('height', shot.height)])])
  const sound = el('audio', [
    el('samplecharacteristics', [el('depth', 16), el('samplerate', 48_000)]),
    el('channelcount', 2),
  ])
  return el(
    'file',
    [
      el('name', shot.name),
      el('pathurl', url),
      rateXml(shot.fps),
      el('duration', takeFrames),
      el('media', shot.hasAudio ? [picture, sound] : [picture]),
    ],
    ` id="${fileId}"`,
  )
}

function clipItemXml(clip: Placed, kind: 'video' | 'audio', described: Set<string>) {
  const { shot, inFrame, frames, takeFrames, index, audioIndex, start, end } = clip
  const link = (media: 'video' | 'audio', at: number) =>
    el('link', [
      el('linkclipref', `${media}-${index + 1}`),
      el('mediatype', media),
      el('trackindex', 1),
      el('clipindex', at + 1),
    ])
  const links = audioIndex === undefined ? [] : [link('video', index), link('audio', audioIndex)]
  return el(
    'clipitem',
    [
      el('name', shot.name),
      el('enabled', 'TRUE'),
      el('duration', takeFrames),
      rateXml(shot.fps),
      el('start', start),
      el('end', end),
      el('in', inFrame),
      el('out', inFrame + frames),
      fileXml(clip, described),
      ...(kind === 'audio' ? [el('sourcetrack', [el('mediatype', 'audio'), el('trackindex', 1)])] : []),
      el('comments', [el('mastercomment1', `Cannon take ${shot.takeId} · ${shot.model}`)]),
      ...links,
    ],
    ` id="${kind}-${index + 1}"`,
  )
}

/** The .xml file's text. */
export function fcpXml(cut: Cut, origin: string): string {
  const canvas = chooseCanvas(cut.shots)
  const fileIds = new Map<string, string>()
  let at = 0
  let sounding = 0
  const placed: Placed[] = editorClips(cut, origin).map((clip, index) => {
    const start = at
    at += Math.max(1, framesAt(clip.shot.outMs - clip.shot.inMs, canvas.fps))
    const fileId = fileIds.get(clip.shot.takeId) ?? `file-${fileIds.size + 1}`
    fileIds.set(clip.shot.takeId, fileId)
    const audioIndex = clip.shot.hasAudio ? sounding++ : undefined
    return { ...clip, index, audioIndex, fileId, start, end: at }
  })
  const described = new Set<string>()
  const format = el('format', [
    el('samplecharacteristics', [
      rateXml(canvas.fps),
      el('width', canvas.width),
      el('height', canvas.height),
      el('pixelaspectratio', 'square'),
      el('anamorphic', 'FALSE'),
      el('fielddominance', 'none'),
    ]),
  ])
  const videoItems = placed.map((clip) => clipItemXml(clip, 'video', described))
  const audioItems = placed
    .filter((clip) => clip.audioIndex !== undefined)
    .map((c) => clipItemXml(c, 'audio', described))
  const video = el('video', [format, el('track', videoItems)])
  const audio = el('audio', [el('track', audioItems)])
  const sequence = el(
    'sequence',
    [el('name', cut.name), el('duration', at), rateXml(canvas.fps), el('media', [video, audio])],
    ` id="sequence-${escapeXml(cut.sequenceId)}"`,
  )
  return `<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE xmeml>\n${el('xmeml', [sequence], ' version="4"')}\n`
}
