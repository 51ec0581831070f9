import { rm } from 'node:fs/promises'
import { chooseCanvas, type Canvas } from './canvas'
import { framesOf, type Cut } from './cut'
import { ffmpegComplaint, runFfmpeg } from './ffmpeg'

const SAMPLE_RATE = 48_000
/** Read a little past each out point, so the frame-exact trim below always has its last frame. */
const READ_MARGIN_S = 0.5

const secondsArg = (ms: number) => (ms / 1000).toFixed(3)

/** One shot's picture: at the canvas rate, fitted and centred with black bars, exactly `frames` frames long. */
function videoChain(input: number, canvas: Canvas, frames: number) {
  const { width: w, height: h, fps } = canvas
  return (
    `[${input}:v]setpts=PTS-STARTPTS,fps=${fps.num}/${fps.den},` +
    `scale=${w}:${h}:force_original_aspect_ratio=decrease,pad=${w}:${h}:(ow-iw)/2:(oh-ih)/2:black,setsar=1,` +
    `format=yuv420p,tpad=stop_mode=clone:stop_duration=${READ_MARGIN_S},trim=end_frame=${frames},` +
    `setpts=PTS-STARTPTS[v${input}]`
  )
}

/** One shot's sound, or silence when its take has none: stereo 48 kHz, exactly as long as its picture. */
function audioChain(input: number, hasAudio: boolean, samples: number) {
  const source = hasAudio
    ? `[${input}:a]aresample=${SAMPLE_RATE},aformat=sample_fmts=fltp:channel_layouts=stereo,apad,`
    : `anullsrc=channel_layout=stereo:sample_rate=${SAMPLE_RATE},`
  return `${source}atrim=end_sample=${samples},asetpts=N/SR/TB[a${input}]`
}

/** ffmpeg's arguments for the whole cut as one H.264/AAC MP4 at `output`, reporting progress on stdout. */
export function mp4Args(cut: Cut, canvas: Canvas, output: string): string[] {
  const inputs: string[] = []
  const chains: string[] = []
  cut.shots.forEach((shot, index) => {
    const frames = framesOf(shot, canvas.fps)
    const samples = Math.round((frames * canvas.fps.den * SAMPLE_RATE) / canvas.fps.num)
    inputs.push('-ss', secondsArg(shot.inMs), '-t', secondsArg(shot.outMs - shot.inMs + READ_MARGIN_S * 1000))
    inputs.push('-i', shot.file)
    chains.push(videoChain(index, canvas, frames), audioChain(index, shot.hasAudio, samples))
  })
  const pairs = cut.shots.map((_, index) => `[v${index}][a${index}]`).join('')
  chains.push(`${pairs}concat=n=${cut.shots.length}:v=1:a=1[v][a]`)
  return [
    ...inputs,
    ['-filter_complex', chains.join(';')],
    ['-map', '[v]', '-map', '[a]'],
    ['-c:v', 'libx264', '-preset', 'veryfast', '-crf', '20', '-pix_fmt', 'yuv420p'],
    ['-c:a', 'aac', '-b:a', '160k', '-movflags', '+faststart'],
    ['-progress', 'pipe:1', '-nostats', '-y', '-f', 'mp4', output],
  ].flat()
}

/** The cut's running time as encoded, in seconds. */
export function encodedSeconds(cut: Cut, canvas: Canvas): number {
  const frames = cut.shots.reduce((sum, shot) => sum + framesOf(shot, canvas.fps), 0)
  return (frames * canvas.fps.den) / canvas.fps.num
}

export interface EncodeOptions {
  /** 0–1 as the encoder moves through the cut. */
  onProgress?: (progress: number) => void
  /** Aborting kills ffmpeg and removes the partial file. */
  signal?: AbortSignal
}

/**
 * Encodes the cut into one MP4 at `output` (see chooseCanvas for its size and rate). Runs ffmpeg as a separate,
 * lower-priority process, so the studio's event loop never waits on it. Rejects (leaving no file) on failure or
 * abort.
 */
export async function encodeMp4(cut: Cut, output: string, options: EncodeOptions = {}): Promise<Canvas> {
  const canvas = chooseCanvas(cut.shots)
  const total = encodedSeconds(cut, canvas)
  options.signal?.throwIfAborted()
  const run = runFfmpeg(mp4Args(cut, canvas, output), (line) => {
    const time = /^out_time=(\d+):(\d+):([\d.]+)$/.exec(line)
    if (time) {
      const seconds = Number(time[1]) * 3600 + Number(time[2]) * 60 + Number(time[3])
      options.onProgress?.(Math.min(0.99, Math.max(0, seconds / total)))
    }
  })
  const abort = () => run.kill()
  options.signal?.addEventListener('abort', abort, { once: true })
  try {
    const { code, stderr } = await run.done
    options.signal?.throwIfAborted()
    if (code !== 0) throw new Error(`The MP4 could not be made: ${ffmpegComplaint(stderr)}`)
  } catch (error) {
    await rm(output, { force: true })
    throw error
  } finally {
    options.signal?.removeEventListener('abort', abort)
  }
  options.onProgress?.(1)
  return canvas
}
