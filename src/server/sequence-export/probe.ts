import type { Rate } from './cut'
import { runFfmpeg } from './ffmpeg'

/** What a take's file says of itself: its first video stream's picture, whether it has sound, its length. */
export interface Probe {
  width: number
  height: number
  fps: Rate
  hasAudio: boolean
  durationMs: number
}

// ffmpeg prints NTSC rates rounded; these are the fractions behind them.
const NTSC: Record<string, Rate> = {
  '23.98': { num: 24000, den: 1001 },
  '29.97': { num: 30000, den: 1001 },
  '47.95': { num: 48000, den: 1001 },
  '59.94': { num: 60000, den: 1001 },
}

function parseRate(text: string): Rate | undefined {
  if (NTSC[text]) return NTSC[text]
  const value = text.endsWith('k') ? Number(text.slice(0, -1)) * 1000 : Number(text)
  if (!Number.isFinite(value) || value <= 0 || value > 240) return undefined
  return Number.isInteger(value) ? { num: value, den: 1 } : { num: Math.round(value * 1000), den: 1000 }
}

/**
 * Reads what `ffmpeg -i <file>` prints about its input: the Duration line, the first Video stream (size and
 * `fps`, else `tbr`) and whether any Audio stream follows. Undefined when it names no usable video.
 */
export function parseProbe(stderr: string): Probe | undefined {
  const duration = /Duration: (\d+):(\d{2}):(\d{2}(?:\.\d+)?)/.exec(stderr)
  const video = stderr.split('\n').find((line) => /Stream #\d+:\d+.*: Video: /.test(line))
  if (!duration || !video) return undefined
  const size = /, (\d{1,5})x(\d{1,5})(?=[ ,]|$)/.exec(video)
  const rate = /, ([\d.]+k?) fps/.exec(video) ?? /, ([\d.]+k?) tbr/.exec(video)
  const fps = rate?.[1] ? parseRate(rate[1]) : undefined
  if (!size || !fps) return undefined
  const [, hours = '0', minutes = '0', seconds = '0'] = duration
  const durationMs = Math.round((Number(hours) * 3600 + Number(minutes) * 60 + Number(seconds)) * 1000)
  const width = Number(size[1])
  const height = Number(size[2])
  if (!(durationMs > 0 && width > 0 && height > 0)) return undefined
  return { width, height, fps, hasAudio: /Stream #\d+:\d+.*: Audio: /.test(stderr), durationMs }
}

/** Probes a file with ffmpeg itself (the package ships no ffprobe); throws when it is not a playable video. */
export async function probeFile(path: string): Promise<Probe> {
  const { stderr } = await runFfmpeg(['-i', path]).done
  const probe = parseProbe(stderr)
  if (!probe) throw new Error('ffmpeg finds no playable video in it')
  return probe
}
