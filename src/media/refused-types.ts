import { hasAscii, hasBytes, latin1Lower } from './bytes'

const USE_IMAGE = 'use PNG, JPEG or WebP'
const USE_VIDEO = 'use MP4, MOV or WebM'
const USE_AUDIO = 'use MP3, WAV or M4A/AAC'

/** Known signatures of what the studio refuses, each with the plain sentence a creative reads. */
const REFUSED_SIGNATURES: [offset: number, signature: readonly number[] | string, reason: string][] = [
  [0, 'GIF87a', `GIF images are not accepted: ${USE_IMAGE}`],
  [0, 'GIF89a', `GIF images are not accepted: ${USE_IMAGE}`],
  [0, 'BM', `BMP images are not accepted: ${USE_IMAGE}`],
  [0, [0x49, 0x49, 0x2a, 0x00], `TIFF images are not accepted: ${USE_IMAGE}`],
  [0, [0x4d, 0x4d, 0x00, 0x2a], `TIFF images are not accepted: ${USE_IMAGE}`],
  [0, [0x00, 0x00, 0x01, 0x00], `Icon files are not accepted: ${USE_IMAGE}`],
  [0, '8BPS', `Photoshop files are not accepted: ${USE_IMAGE}`],
  [0, [0xff, 0x0a], `JPEG XL images are not accepted: ${USE_IMAGE}`],
  [0, '%PDF-', 'PDF documents are not accepted'],
  [0, [0x7f, 0x45, 0x4c, 0x46], 'Programs (ELF executables) are not accepted'],
  [0, 'MZ', 'Programs (Windows executables) are not accepted'],
  [0, [0xfe, 0xed, 0xfa, 0xce], 'Programs (Mach-O executables) are not accepted'],
  [0, [0xfe, 0xed, 0xfa, 0xcf], 'Programs (Mach-O executables) are not accepted'],
  [0, [0xce, 0xfa, 0xed, 0xfe], 'Programs (Mach-O executables) are not accepted'],
  [0, [0xcf, 0xfa, 0xed, 0xfe], 'Programs (Mach-O executables) are not accepted'],
  [0, [0xca, 0xfe, 0xba, 0xbe], 'Programs (Mach-O or Java class files) are not accepted'],
  [0, [0x00, 0x61, 0x73, 0x6d], 'Programs (WebAssembly) are not accepted'],
  [0, '#!AMR', `AMR audio is not accepted: ${USE_AUDIO}`],
  [0, '#!', 'Scripts are not accepted'],
  [0, [0x50, 0x4b, 0x03, 0x04], 'ZIP archives (and documents built on them) are not accepted'],
  [0, [0x50, 0x4b, 0x05, 0x06], 'ZIP archives are not accepted'],
  [0, [0x1f, 0x8b], 'Compressed archives (gzip) are not accepted'],
  [0, "7z\xbc\xaf'\x1c", 'Compressed archives (7-Zip) are not accepted'],
  [0, 'Rar!', 'Compressed archives (RAR) are not accepted'],
  [0, [0x28, 0xb5, 0x2f, 0xfd], 'Compressed archives (Zstandard) are not accepted'],
  [0, [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00], 'Compressed archives (xz) are not accepted'],
  [0, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], 'Office documents are not accepted'],
  [0, '{\\rtf', 'Documents are not accepted'],
  [0, 'fLaC', `FLAC audio is not accepted: ${USE_AUDIO}`],
  [0, 'OggS', `Ogg files are not accepted: ${USE_AUDIO}, or ${USE_VIDEO} for video`],
  [0, 'FLV', `Flash videos are not accepted: ${USE_VIDEO}`],
  [0, '.RMF', `RealMedia files are not accepted: ${USE_VIDEO}`],
  [0, [0x30, 0x26, 0xb2, 0x75, 0x8e, 0x66, 0xcf, 0x11], `Windows Media files are not accepted: ${USE_VIDEO}`],
  [0, [0x00, 0x00, 0x01, 0xba], `MPEG program streams are not accepted: ${USE_VIDEO}`],
  [0, [0x00, 0x00, 0x01, 0xb3], `MPEG-1/2 videos are not accepted: ${USE_VIDEO}`],
  [0, 'FORM', `AIFF audio is not accepted: ${USE_AUDIO}`],
  [0, '.snd', `AU audio is not accepted: ${USE_AUDIO}`],
  [0, 'MThd', `MIDI files are not accepted: ${USE_AUDIO}`],
  [0, 'caff', `Core Audio files are not accepted: ${USE_AUDIO}`],
  [0, 'wOFF', 'Fonts are not accepted'],
  [0, 'wOF2', 'Fonts are not accepted'],
  [0, 'SQLite format 3', 'Databases are not accepted'],
]

const MARKUP_START: [pattern: RegExp, reason: string][] = [
  [/^(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*(<!doctype svg|<svg[\s>/])/, `SVG images are not accepted: ${USE_IMAGE}`],
  [/^(<!doctype html|<html|<head|<body|<script|<iframe|<!--|<meta|<div|<p[\s>])/, 'Web pages (HTML) are not accepted'],
  [/^<\?xml/, 'XML files are not accepted'],
  [/^<\?php/, 'Scripts are not accepted'],
]

/** Why a file of this RIFF form type is refused (AVI and others), or undefined for one the caller handles. */
export function refusedRiff(formType: string): string {
  if (formType === 'AVI ') return `AVI videos are not accepted: ${USE_VIDEO}`
  return `This RIFF file (“${formType.trim()}”) is not accepted`
}

/** Text in the first bytes: printable ASCII, tabs, line ends, and UTF-8 sequences, with no NUL. */
function looksLikeText(head: Uint8Array): boolean {
  const sample = head.subarray(0, 4096)
  if (sample.length === 0) return false
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(sample)
    // eslint-disable-next-line no-control-regex
    return !/[\x00-\x08\x0b\x0e-\x1f\x7f]/.test(text)
  } catch {
    return false // not valid UTF-8 (the sample may also end mid-character: then it is binary enough to say so)
  }
}

/** The plain reason a file of no accepted type is refused: a name for what it is when we know, else a general one. */
export function refusalReason(head: Uint8Array): string {
  for (const [offset, signature, reason] of REFUSED_SIGNATURES) {
    if (typeof signature === 'string' ? hasAscii(head, offset, signature) : hasBytes(head, offset, signature)) {
      return reason
    }
  }
  const start = latin1Lower(head.subarray(0, 4096))
    .replace(/^\ufeff|^ï»¿/, '')
    .trimStart()
  for (const [pattern, reason] of MARKUP_START) if (pattern.test(start)) return reason
  if (looksLikeText(head)) return 'Text files are not accepted: upload an image, a video or an audio file'
  return `This file type is not accepted: ${USE_IMAGE} for images, ${USE_VIDEO} for video, ${USE_AUDIO} for audio`
}
