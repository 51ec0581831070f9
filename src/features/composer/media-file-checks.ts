import type { MediaSlot } from '@/catalog/catalog-schema'
import { MEDIA_BYTE_LIMITS, MEDIA_TYPES, tooLargeMessage, type MediaExt, type MediaKind } from '@/catalog/media-formats'

const FORMAT_NAMES: Record<MediaExt, string> = {
  jpg: 'JPEG',
  png: 'PNG',
  webp: 'WebP',
  mp4: 'MP4',
  mov: 'MOV',
  webm: 'WebM',
  mp3: 'MP3',
  wav: 'WAV',
  m4a: 'M4A',
  aac: 'AAC',
}
const KIND_NOUNS: Record<MediaKind, string> = { image: 'images', video: 'clips', audio: 'audio' }

// Other names browsers and systems give the accepted types.
const MIME_ALIASES: Record<string, MediaExt> = {
  'image/jpg': 'jpg',
  'audio/mp3': 'mp3',
  'audio/x-wav': 'wav',
  'audio/wave': 'wav',
  'audio/vnd.wave': 'wav',
  'audio/x-m4a': 'm4a',
  'audio/m4a': 'm4a',
  'audio/x-aac': 'aac',
}
const EXT_ALIASES: Record<string, MediaExt> = { jpeg: 'jpg' }

const extsOf = (kind: MediaKind) => (Object.keys(MEDIA_TYPES) as MediaExt[]).filter((e) => MEDIA_TYPES[e].kind === kind)

function extByMime(mime: string): MediaExt | undefined {
  return (Object.keys(MEDIA_TYPES) as MediaExt[]).find((ext) => MEDIA_TYPES[ext].mime === mime) ?? MIME_ALIASES[mime]
}

function extByName(name: string): MediaExt | undefined {
  const ext = name.toLowerCase().split('.').at(-1) ?? ''
  return ext in MEDIA_TYPES ? (ext as MediaExt) : EXT_ALIASES[ext]
}

/** What the file picker offers for a kind: the types and the file name endings. */
export function acceptFor(kind: MediaKind): string {
  const exts = [...extsOf(kind), ...Object.keys(EXT_ALIASES).filter((a) => MEDIA_TYPES[EXT_ALIASES[a]!].kind === kind)]
  return [...extsOf(kind).map((e) => MEDIA_TYPES[e].mime), ...exts.map((e) => `.${e}`)].join(',')
}

/**
 * The kind a file claims to be: by its type when the browser knows one of ours, else by its name when the type is
 * unknown or of the same family (the server reads the bytes and has the last word).
 */
export function claimedKind(file: File): MediaKind | undefined {
  const byType = extByMime(file.type)
  if (byType) return MEDIA_TYPES[byType].kind
  const byName = extByName(file.name)
  if (!byName) return undefined
  const kind = MEDIA_TYPES[byName].kind
  const family = file.type.split('/')[0]
  return file.type === '' || file.type === 'application/octet-stream' || family === kind ? kind : undefined
}

function formatList(kind: MediaKind): string {
  const names = extsOf(kind).map((e) => FORMAT_NAMES[e])
  return `${names.slice(0, -1).join(', ')} or ${names.at(-1)} ${KIND_NOUNS[kind]}`
}

/** Why this file cannot go into the slot by its type and size, or undefined. */
export function fileProblem(file: File, kind: MediaKind, label: string): string | undefined {
  if (claimedKind(file) !== kind) return `${label} takes ${formatList(kind)}; ${file.name || 'this file'} is not one`
  if (file.size === 0) return `${file.name || 'This file'} is empty`
  const limit = MEDIA_BYTE_LIMITS[kind]
  return file.size > limit ? tooLargeMessage(kind, limit, file.size) : undefined
}

// Container durations are rarely exact (encoder padding): a 10.02 s clip is a 10 s clip.
const SLACK_SECONDS = 0.05

/** Why a clip or audio file of this length cannot go into the slot, or undefined. */
export function durationProblem(slot: MediaSlot, label: string, seconds: number): string | undefined {
  const { minSeconds: min, maxSeconds: max } = slot
  const tooShort = min !== undefined && seconds < min - SLACK_SECONDS
  const tooLong = max !== undefined && seconds > max + SLACK_SECONDS
  if (!tooShort && !tooLong) return undefined
  const range = min === undefined ? `at most ${max} s` : max === undefined ? `at least ${min} s` : `${min}–${max} s`
  return `${label} must be ${range} long, and this one is ${seconds.toFixed(1)} s: trim it or pick another`
}
