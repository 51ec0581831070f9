import { createReadStream } from 'node:fs'
import { basename, join } from 'node:path'
import { Readable } from 'node:stream'

/** A demo take's file (`/demo/<name>.mp4`, the simulator's answer) read from the studio's demo folder. */
export function openDemoClip(demoDir: string, url: string): ReadableStream<Uint8Array> {
  return Readable.toWeb(createReadStream(join(demoDir, basename(url)))) as ReadableStream<Uint8Array>
}
