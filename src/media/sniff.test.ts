import { describe, expect, it } from 'vitest'
import { sniffMedia } from './sniff'
import { box, concat, fixture, ftypOf, jpegOf, jpegSegment, noise, pngChunk, pngOf, text } from './test-samples'

const accepted: [file: string, kind: string, mime: string, ext: string][] = [
  ['image.jpg', 'image', 'image/jpeg', 'jpg'],
  ['image.png', 'image', 'image/png', 'png'],
  ['image-vp8.webp', 'image', 'image/webp', 'webp'],
  ['image-vp8l.webp', 'image', 'image/webp', 'webp'],
  ['image-vp8x.webp', 'image', 'image/webp', 'webp'],
  ['video-h264.mp4', 'video', 'video/mp4', 'mp4'],
  ['video-h265.mp4', 'video', 'video/mp4', 'mp4'],
  ['video-av1.mp4', 'video', 'video/mp4', 'mp4'],
  ['video.mov', 'video', 'video/quicktime', 'mov'],
  ['video.webm', 'video', 'video/webm', 'webm'],
  ['audio-id3.mp3', 'audio', 'audio/mpeg', 'mp3'],
  ['audio-bare.mp3', 'audio', 'audio/mpeg', 'mp3'],
  ['audio.wav', 'audio', 'audio/wav', 'wav'],
  ['audio.m4a', 'audio', 'audio/mp4', 'm4a'],
  ['audio.aac', 'audio', 'audio/aac', 'aac'],
]

const refusedReason = (bytes: Uint8Array) => {
  const result = sniffMedia(bytes)
  expect(result.ok).toBe(false)
  return result.ok ? '' : result.reason
}

describe('sniffMedia: accepted types, from real files made by ffmpeg', () => {
  it.each(accepted)('%s is %s (%s, .%s)', (file, kind, mime, ext) => {
    expect(sniffMedia(fixture(file))).toEqual({ ok: true, kind, mime, ext })
  })

  it('reads the type from the bytes alone: an MP4 named and declared as anything is still an MP4', () => {
    expect(sniffMedia(fixture('video-h264.mp4'))).toMatchObject({ ok: true, ext: 'mp4' })
  })

  it('maps ISO brands: camera brands compatible with MP4, QuickTime by compatibility, M4A as audio', () => {
    expect(sniffMedia(ftypOf('XAVC', 'XAVC', 'mp42', 'iso2'))).toMatchObject({ ok: true, ext: 'mp4' })
    expect(sniffMedia(ftypOf('abcd', 'isom'))).toMatchObject({ ok: true, ext: 'mp4' })
    expect(sniffMedia(ftypOf('wxyz', 'qt  '))).toMatchObject({ ok: true, ext: 'mov' })
    expect(sniffMedia(ftypOf('M4A ', 'M4A ', 'mp42', 'isom'))).toMatchObject({ ok: true, kind: 'audio', ext: 'm4a' })
    expect(sniffMedia(ftypOf('av01', 'av01', 'iso6'))).toMatchObject({ ok: true, ext: 'mp4' })
  })
})

describe('sniffMedia: refused types, each with a plain reason', () => {
  it.each([
    [
      'SVG',
      text('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
      /^SVG images are not accepted: use PNG, JPEG or WebP$/,
    ],
    [
      'SVG with an XML declaration and a BOM',
      text('\ufeff<?xml version="1.0"?>\n<!-- drawn -->\n<svg width="1"/>'),
      /^SVG images/,
    ],
    ['HTML', text('<!DOCTYPE html><html><body>hi</body></html>'), /^Web pages \(HTML\) are not accepted$/],
    ['HTML without a doctype', text('  <html><script>x</script>'), /^Web pages/],
    ['XML', text('<?xml version="1.0"?><root/>'), /^XML files are not accepted$/],
    ['PDF', text('%PDF-1.7\n1 0 obj\n<<>>\nendobj\n'), /^PDF documents are not accepted$/],
    ['an ELF executable', concat([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0], noise(64)), /ELF executables/],
    ['a Windows executable', concat('MZ', [0x90, 0, 3, 0], noise(64)), /Windows executables/],
    ['a Mach-O executable', concat([0xcf, 0xfa, 0xed, 0xfe], noise(64)), /Mach-O/],
    ['a ZIP archive', concat([0x50, 0x4b, 0x03, 0x04, 20, 0], noise(64)), /^ZIP archives/],
    ['a GIF', fixture('refused.gif'), /^GIF images are not accepted: use PNG, JPEG or WebP$/],
    ['an MKV', fixture('refused.mkv'), /^MKV \(Matroska\) videos are not accepted: use MP4, MOV or WebM$/],
    ['an Ogg file', fixture('refused.ogg'), /^Ogg files are not accepted/],
    ['FLAC', concat('fLaC', noise(64)), /^FLAC audio is not accepted/],
    [
      'an AVI',
      concat('RIFF', [100, 0, 0, 0], 'AVI LIST', noise(64)),
      /^AVI videos are not accepted: use MP4, MOV or WebM$/,
    ],
    ['a HEIC image', ftypOf('heic', 'mif1', 'heic'), /^HEIC\/HEIF images are not accepted/],
    ['an AVIF image', ftypOf('avif', 'avif', 'mif1', 'miaf'), /^AVIF images are not accepted/],
    ['a 3GP video', ftypOf('3gp4', 'isom', '3gp4'), /^3GP videos are not accepted/],
    ['an ISO file of an unknown brand', ftypOf('zzzz', 'zzzz'), /brand “zzzz”/],
    ['a shell script', text('#!/bin/sh\nrm -rf /\n'), /^Scripts are not accepted$/],
    ['text', text('just some notes\nabout a shot\n'), /^Text files are not accepted/],
    ['an empty file', new Uint8Array(0), /^The file is empty$/],
    ['unknown binary', noise(256), /^This file type is not accepted: use PNG, JPEG or WebP for images/],
  ])('%s', (_name, bytes, reason) => {
    expect(refusedReason(bytes)).toMatch(reason)
  })
})

describe('sniffMedia: polyglots (a valid signature carrying active content) are refused', () => {
  it('a PNG with <script> appended after its end', () => {
    expect(refusedReason(concat(pngOf(1, 1), '<script>alert(document.cookie)</script>'))).toBe(
      'The file is a PNG image but also carries web page or script code (“<script”), so it is not accepted',
    )
  })

  it('a PNG with an HTML page inside a text chunk (its end intact)', () => {
    const png = pngOf(1, 1, pngChunk('tEXt', text('Comment\0<HTML><BODY onload=alert(1)>')))
    expect(refusedReason(png)).toMatch(/PNG image but also carries web page or script code \(“<html”\)/)
  })

  it('a JPEG with an HTML comment segment, whatever the case', () => {
    const jpeg = jpegOf(8, 8, [jpegSegment(0xfe, text('*/ --> <!-- <ScRiPt src=//evil.example/x.js></ScRiPt> -->'))])
    expect(refusedReason(jpeg)).toMatch(/JPEG image but also carries web page or script code \(“<script”\)/)
  })

  it.each([
    ['<svg onload=alert(1)>', '<svg'],
    ['<iframe src=x>', '<iframe'],
    ['<a href="javascript:alert(1)">', '<a href='],
    ['<!doctype html>', '<!doctype'],
    ['<?php system($_GET[0]); ?>', '<?php'],
  ])('markup %s in an MP4 is found', (markup, marker) => {
    expect(refusedReason(concat(fixture('video-h264.mp4'), box('free', markup)))).toContain(`(“${marker}”)`)
  })

  it('scans the first and last 64 KB: markup at either end of a large file is found, deep inside it is not', () => {
    const near = (bytes: Uint8Array) => sniffMedia(bytes).ok
    const mp4 = fixture('video-h264.mp4')
    expect(near(concat(mp4, box('free', concat(noise(200_000), '<script>'))))).toBe(false)
    expect(near(concat(ftypOf('isom', 'isom'), box('free', '<script>'), noise(200_000)))).toBe(false)
    expect(near(concat(mp4, box('free', concat(noise(100_000), '<script>', noise(100_000)))))).toBe(true)
  })

  it('a ZIP archive appended (a JAR/Office polyglot) is refused', () => {
    const eocd = [0x50, 0x4b, 0x05, 0x06, 0, 0, 0, 0, 1, 0, 1, 0, 46, 0, 0, 0, 30, 0, 0, 0, 0, 0]
    expect(refusedReason(concat(fixture('video.webm'), noise(100), eocd))).toBe(
      'The file is a WebM video with a ZIP archive appended, which is not accepted',
    )
  })

  it('a lone "<?xml" inside media (camera metadata) is not a polyglot', () => {
    expect(
      sniffMedia(concat(fixture('video-h264.mp4'), box('meta', '<?xml version="1.0"?><NonRealTimeMeta/>'))),
    ).toMatchObject({ ok: true })
  })
})

describe('sniffMedia: truncated and damaged files are refused', () => {
  it.each([
    ['a PNG cut inside its header', fixture('image.png').subarray(0, 20), /PNG image is truncated: its header/],
    [
      'a PNG cut before its end',
      fixture('image.png').subarray(0, 300),
      /PNG image is truncated or has data after its end/,
    ],
    ['a WebP cut short', fixture('image-vp8l.webp').subarray(0, 500), /^The WebP image is truncated$/],
    [
      'a WebP with data after its end',
      concat(fixture('image-vp8.webp'), noise(10)),
      /WebP image has data after its end/,
    ],
    ['an MP4 cut inside its ftyp box', fixture('video-h264.mp4').subarray(0, 20), /MP4 file is truncated/],
    ['a WebM cut inside its header', fixture('video.webm').subarray(0, 12), /WebM file is truncated/],
    ['a WAV cut inside its header', fixture('audio.wav').subarray(0, 24), /WAV file is truncated/],
    ['an MP3 of less than two frames', fixture('audio-bare.mp3').subarray(0, 40), /audio file is truncated/],
    [
      'an MP3 that is only an ID3 tag',
      fixture('audio-id3.mp3').subarray(0, 40),
      /MP3 file is truncated: it holds only a tag/,
    ],
    [
      'an ID3 tag before something else',
      concat(fixture('audio-id3.mp3').subarray(0, 45), 'fLaC', noise(600)),
      /after the ID3 tag is not MP3 or AAC/,
    ],
    ['a RIFF header alone', text('RIFF'), /truncated/],
  ])('%s', (_name, bytes, reason) => {
    expect(refusedReason(bytes)).toMatch(reason)
  })

  it('with `partial`, the end checks wait for the rest: a PNG head is accepted', () => {
    expect(sniffMedia(fixture('image.png').subarray(0, 300), { partial: true })).toMatchObject({ ok: true, ext: 'png' })
    expect(sniffMedia(fixture('audio-id3.mp3').subarray(0, 40), { partial: true })).toMatchObject({
      ok: true,
      ext: 'mp3',
    })
  })
})
