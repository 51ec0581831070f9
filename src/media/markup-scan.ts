import { latin1Lower, u16le } from './bytes'

/** How much of each end of a file is searched for markup: polyglots put theirs at the start or the end. */
export const MARKUP_WINDOW = 64 * 1024

/**
 * What a browser, a PDF reader or an HTML parser would act on. Each pattern is long enough (5+ bytes, with a
 * delimiter where short) that compressed media data matches it by chance about once in 10^5 files or less.
 * A bare `<?xml` is not among them: camera MP4s and XMP metadata carry XML declarations legitimately, and XML
 * only becomes active content through the markers below (SVG, XHTML, script).
 */
const ACTIVE_MARKUP =
  /<script|<html|<svg[\s/>]|<!doctype|javascript:|vbscript:|<iframe|<object[\s/>]|<embed[\s/>]|<body[\s/>]|<meta[\s/>]|<\?php|<x:script|<a[\s/]+href=|on(?:load|error)\s*=/

const PDF_HEADER = /%pdf-/

export interface MarkupFound {
  marker: string
}

/** The first active-markup marker in these bytes (case-insensitive), or undefined. */
export function findMarkup(bytes: Uint8Array): MarkupFound | undefined {
  const text = latin1Lower(bytes)
  const match = ACTIVE_MARKUP.exec(text) ?? PDF_HEADER.exec(text.slice(0, 1024))
  return match ? { marker: match[0].trim() } : undefined
}

/**
 * A ZIP archive's end record at the very end of the file (its comment length matching): the mark of a
 * media-plus-ZIP polyglot (JAR, Office, EPUB). Checked strictly so that media data cannot match by chance.
 */
export function endsWithZip(tail: Uint8Array): boolean {
  for (let at = tail.length - 22; at >= 0 && at >= tail.length - 22 - 0xffff; at--) {
    if (tail[at] === 0x50 && tail[at + 1] === 0x4b && tail[at + 2] === 0x05 && tail[at + 3] === 0x06) {
      if (at + 22 + (u16le(tail, at + 20) ?? -1) === tail.length) return true
    }
  }
  return false
}
