import { ffmpegComplaint, runFfmpeg, TAKE_INPUT } from './ffmpeg'
import type { Probe } from './probe'

/** The frames of a take a continuation clip holds: `start` up to `end` (not included), and their times. */
export interface ClipFrames {
  start: number
  end: number
  startMs: number
  endMs: number
}

/**
 * The frames from the take's start (or `maxSeconds` back) up to and including the one shown at `atMs`, at the
 * take's own frame rate. A time past the last frame keeps to the last frame.
 */
export function clipFrames(probe: Pick<Probe, 'fps' | 'durationMs'>, atMs: number, maxSeconds?: number): ClipFrames {
  const perSecond = probe.fps.num / probe.fps.den
  const total = Math.max(1, Math.round((probe.durationMs * perSecond) / 1000))
  const end = Math.min(total, Math.floor((atMs * perSecond) / 1000) + 1)
  const start = maxSeconds === undefined ? 0 : Math.max(0, end - Math.floor(maxSeconds * perSecond))
  const ms = (frame: number) => Math.round((frame * 1000) / perSecond)
  return { start, end, startMs: ms(start), endMs: ms(end) }
}

/**
 * Writes those frames of `file` (and its sound over the same time, when it has any) to `out` as an H.264 MP4,
 * re-encoded so the cut falls on exactly those frames. Throws with ffmpeg's complaint when it fails.
 */
export async function cutClip(file: string, probe: Probe, frames: ClipFrames, out: string): Promise<void> {
  const seconds = (ms: number) => (ms / 1000).toFixed(6)
  const sound = probe.hasAudio
    ? [
        '-map',
        '0:a:0',
        '-af',
        `atrim=start=${seconds(frames.startMs)}:end=${seconds(frames.endMs)},asetpts=PTS-STARTPTS`,
        '-c:a',
        'aac',
      ]
    : []
  const { code, stderr } = await runFfmpeg([
    '-loglevel',
    'error',
    '-y',
    ...TAKE_INPUT,
    '-i',
    file,
    '-map',
    '0:v:0',
    '-vf',
    `trim=start_frame=${frames.start}:end_frame=${frames.end},setpts=PTS-STARTPTS`,
    '-vsync',
    'passthrough',
    ...['-c:v', 'libx264', '-preset', 'veryfast', '-crf', '18', '-pix_fmt', 'yuv420p'],
    ...sound,
    '-movflags',
    '+faststart',
    '-f',
    'mp4',
    out,
  ]).done
  if (code !== 0) throw new Error(`The clip could not be cut: ${ffmpegComplaint(stderr)}`)
}
