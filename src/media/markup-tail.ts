import { MARKUP_WINDOW } from './markup-scan'

/** The last `window` bytes of a stream, kept as it passes (copies: a source may reuse its buffers). */
export class MarkupTail {
  private chunks: Uint8Array[] = []
  private length = 0

  constructor(private readonly window = MARKUP_WINDOW) {}

  push(chunk: Uint8Array): void {
    const kept = chunk.slice(Math.max(0, chunk.length - this.window))
    this.chunks.push(kept)
    this.length += kept.length
    while (this.chunks.length > 1 && this.length - this.chunks[0]!.length >= this.window) {
      this.length -= this.chunks.shift()!.length
    }
  }

  bytes(): Uint8Array {
    const all = new Uint8Array(this.length)
    let at = 0
    for (const chunk of this.chunks) {
      all.set(chunk, at)
      at += chunk.length
    }
    return all.subarray(Math.max(0, all.length - this.window))
  }
}
