import { hasBytes } from './bytes'
import type { MediaExt } from '@/catalog/media-formats'

const EBML_MAGIC = [0x1a, 0x45, 0xdf, 0xa3]
const DOC_TYPE_ID = 0x4282

/** An EBML variable-length integer at `at`: its value (the length marker removed) and byte length. */
function readVint(bytes: Uint8Array, at: number, keepMarker = false): { value: number; length: number } | undefined {
  const first = bytes[at]
  if (first === undefined || first === 0) return undefined
  const length = Math.clz32(first) - 23 // 1 for 0b1xxxxxxx … 8 for 0b00000001
  if (at + length > bytes.length) return undefined
  let value = keepMarker ? first : first & (0xff >> length)
  for (let i = 1; i < length; i++) value = value * 256 + bytes[at + i]!
  return { value, length }
}

export type EbmlAnswer = { ext: MediaExt } | { reason: string } | undefined

/**
 * WebM: an EBML header whose DocType is "webm". Matroska (the same container under another DocType) is refused by
 * name. Undefined when the bytes do not start with the EBML magic number.
 */
export function sniffEbml(head: Uint8Array): EbmlAnswer {
  if (!hasBytes(head, 0, EBML_MAGIC)) return undefined
  const truncated = { reason: 'The WebM file is truncated: its header is incomplete' }
  const headerSize = readVint(head, 4)
  if (!headerSize) return truncated
  let at = 4 + headerSize.length
  const end = at + headerSize.value
  if (end > head.length) return truncated
  while (at < end) {
    const id = readVint(head, at, true)
    const size = id && readVint(head, at + id.length)
    if (!id || !size) return truncated
    const dataAt = at + id.length + size.length
    if (dataAt + size.value > end) return { reason: 'The WebM file is damaged: its header is malformed' }
    if (id.value === DOC_TYPE_ID) {
      const docType = String.fromCharCode(...head.subarray(dataAt, dataAt + Math.min(size.value, 32))).replace(
        /\0+$/,
        '',
      )
      if (docType === 'webm') return { ext: 'webm' }
      if (docType === 'matroska') return { reason: 'MKV (Matroska) videos are not accepted: use MP4, MOV or WebM' }
      return { reason: `EBML documents of type “${docType.slice(0, 20)}” are not accepted: use MP4, MOV or WebM` }
    }
    at = dataAt + size.value
  }
  return { reason: 'The WebM file is damaged: its header names no document type' }
}
