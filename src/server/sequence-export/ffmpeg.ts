import { spawn } from 'node:child_process'
import { createRequire } from 'node:module'
import { setPriority } from 'node:os'

/*
 * The ffmpeg the studio runs: the static build shipped inside the npm package @ffmpeg-installer/<platform>, so
 * `npm ci` brings it and nothing is downloaded at install or run time (see README, Decisions).
 */

let binary: string | undefined

/** The ffmpeg executable's path; throws a plain message on a platform the package has no build for. */
export function ffmpegBinary(): string {
  if (binary) return binary
  try {
    const installer = createRequire(import.meta.url)('@ffmpeg-installer/ffmpeg') as { path: string }
    binary = installer.path
    return binary
  } catch (error) {
    throw new Error(`This machine has no ffmpeg for exports (${String(error)})`, { cause: error })
  }
}

export interface FfmpegRun {
  /** Settles when the process ends: its exit code (null when killed) and the tail of what it wrote to stderr. */
  done: Promise<{ code: number | null; stderr: string }>
  kill(): void
}

const STDERR_TAIL = 64 * 1024
/** Exports run below the studio's own priority, so requests stay quick while one encodes. */
const BACKGROUND_NICENESS = 10

/** Runs ffmpeg with `args`; `onLine` gets each line it writes to stdout (e.g. `-progress pipe:1`). */
export function runFfmpeg(args: readonly string[], onLine?: (line: string) => void): FfmpegRun {
  const child = spawn(ffmpegBinary(), ['-hide_banner', '-nostdin', ...args], { stdio: ['ignore', 'pipe', 'pipe'] })
  if (child.pid) {
    try {
      setPriority(child.pid, BACKGROUND_NICENESS)
    } catch {
      // A platform or container that refuses priorities: the export still runs, at normal priority.
    }
  }
  let stderr = ''
  child.stderr.setEncoding('utf8')
  child.stderr.on('data', (chunk: string) => {
    stderr = (stderr + chunk).slice(-STDERR_TAIL)
  })
  let pending = ''
  child.stdout.setEncoding('utf8')
  child.stdout.on('data', (chunk: string) => {
    const lines = (pending + chunk).split('\n')
    pending = lines.pop() ?? ''
    if (onLine) for (const line of lines) onLine(line.trim())
  })
  const done = new Promise<{ code: number | null; stderr: string }>((resolve, reject) => {
    child.once('error', reject)
    child.once('close', (code) => resolve({ code, stderr }))
  })
  return { done, kill: () => void child.kill('SIGKILL') }
}

/** The last meaningful line ffmpeg wrote before failing, for an error message. */
export function ffmpegComplaint(stderr: string): string {
  const lines = stderr
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('frame=') && !/^(Input|Output|Stream|Metadata|Duration)\b/.test(line))
  return lines.at(-1)?.slice(0, 300) ?? 'ffmpeg stopped without saying why'
}
