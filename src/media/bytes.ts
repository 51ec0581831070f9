/** Small readers over a Uint8Array. Out-of-range reads answer undefined, never garbage. */

export function hasBytes(bytes: Uint8Array, offset: number, signature: readonly number[]): boolean {
  if (offset < 0 || offset + signature.length > bytes.length) return false
  return signature.every((b, i) => bytes[offset + i] === b)
}

/** ASCII text of bytes [start, end), or undefined when the range runs past the end. */
export function ascii(bytes: Uint8Array, start: number, end: number): string | undefined {
  if (start < 0 || end > bytes.length || end < start) return undefined
  return String.fromCharCode(...bytes.subarray(start, end))
}

export function hasAscii(bytes: Uint8Array, offset: number, text: string): boolean {
  return ascii(bytes, offset, offset + text.length) === text
}

export function u16be(bytes: Uint8Array, offset: number): number | undefined {
  if (offset < 0 || offset + 2 > bytes.length) return undefined
  return (bytes[offset]! << 8) | bytes[offset + 1]!
}

export function u32be(bytes: Uint8Array, offset: number): number | undefined {
  if (offset < 0 || offset + 4 > bytes.length) return undefined
  return bytes[offset]! * 0x1000000 + ((bytes[offset + 1]! << 16) | (bytes[offset + 2]! << 8) | bytes[offset + 3]!)
}

export function u16le(bytes: Uint8Array, offset: number): number | undefined {
  if (offset < 0 || offset + 2 > bytes.length) return undefined
  return bytes[offset]! | (bytes[offset + 1]! << 8)
}

export function u24le(bytes: Uint8Array, offset: number): number | undefined {
  if (offset < 0 || offset + 3 > bytes.length) return undefined
  return bytes[offset]! | (bytes[offset + 1]! << 8) | (bytes[offset + 2]! << 16)
}

export function u32le(bytes: Uint8Array, offset: number): number | undefined {
  if (offset < 0 || offset + 4 > bytes.length) return undefined
  return bytes[offset + 3]! * 0x1000000 + (bytes[offset]! | (bytes[offset + 1]! << 8) | (bytes[offset + 2]! << 16))
}

/** Bytes as Latin-1 text, lower-cased: for case-insensitive searches of ASCII markers in binary data. */
export function latin1Lower(bytes: Uint8Array): string {
  return new TextDecoder('latin1').decode(bytes).toLowerCase()
}
