import type { SampledFrame, SampledSound, TakeSample } from './detect-flags'
import { nextIdle } from './quality-queue'
import { frameCanvas, readFrameLuma } from './read-frame'

/*
 * Reads a kept take in the browser: a hidden, muted <video> seeks through it and each frame is read at 32×18
 * (read-frame.ts: in a worker where the browser allows; the decoding is the browser's, off this thread); the
 * sound, when it matters, is decoded by Web Audio at a low rate. The take is on the studio's own origin, so
 * its pixels and bytes can be read.
 */

/** At most this many frames per take, and never closer than this. */
const MAX_FRAMES = 60
const MIN_STEP_MS = 250
const LOAD_TIMEOUT_MS = 20_000
const SOUND_RATE = 8000
const SOUND_WINDOW_MS = 100

/** Whether this browser can decode takes at all (a test DOM cannot). */
export function canSampleTakes(): boolean {
  if (typeof document === 'undefined') return false
  const probe = document.createElement('video')
  return probe.canPlayType('video/mp4') !== '' || probe.canPlayType('video/webm') !== ''
}

function whenEvent(target: HTMLVideoElement, event: string, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => done(new Error(`The take did not answer (${event})`)), LOAD_TIMEOUT_MS)
    const onError = () => done(new Error('The take could not be decoded'))
    const onAbort = () => done(new DOMException('Stopped', 'AbortError'))
    const onEvent = () => done()
    function done(error?: unknown) {
      clearTimeout(timer)
      target.removeEventListener(event, onEvent)
      target.removeEventListener('error', onError)
      signal.removeEventListener('abort', onAbort)
      if (error) reject(error)
      else resolve()
    }
    target.addEventListener(event, onEvent, { once: true })
    target.addEventListener('error', onError, { once: true })
    signal.addEventListener('abort', onAbort, { once: true })
  })
}

/** The take's frames, length and size. */
export async function sampleFrames(url: string, signal: AbortSignal): Promise<Omit<TakeSample, 'sound'>> {
  const video = document.createElement('video')
  video.muted = true
  video.preload = 'auto'
  video.playsInline = true
  try {
    const loaded = whenEvent(video, 'loadeddata', signal)
    video.src = url
    await loaded
    const durationMs = video.duration * 1000
    const context = frameCanvas()
    const step = Math.max(MIN_STEP_MS, durationMs / MAX_FRAMES)
    const frames: SampledFrame[] = []
    for (let atMs = step / 2; atMs < durationMs; atMs += step) {
      await nextIdle()
      const seeked = whenEvent(video, 'seeked', signal)
      video.currentTime = atMs / 1000
      await seeked
      frames.push({ atMs, luma: await readFrameLuma(video, context) })
    }
    return { frames, durationMs, width: video.videoWidth, height: video.videoHeight }
  } finally {
    video.removeAttribute('src')
    video.load()
  }
}

/** The take's loudness per tenth of a second; `present: false` when it has no sound track that decodes. */
export async function sampleSound(url: string, signal: AbortSignal): Promise<SampledSound> {
  const bytes = await (await fetch(url, { signal })).arrayBuffer()
  let audio: AudioBuffer
  try {
    audio = await new OfflineAudioContext(1, 1, SOUND_RATE).decodeAudioData(bytes)
  } catch {
    return { present: false, windowMs: SOUND_WINDOW_MS, rms: [] }
  }
  const samples = audio.getChannelData(0)
  const perWindow = Math.round((audio.sampleRate * SOUND_WINDOW_MS) / 1000)
  const rms: number[] = []
  for (let start = 0; start < samples.length; start += perWindow) {
    let sum = 0
    const end = Math.min(samples.length, start + perWindow)
    for (let i = start; i < end; i++) sum += samples[i]! * samples[i]!
    rms.push(Math.sqrt(sum / (end - start)))
  }
  return { present: true, windowMs: SOUND_WINDOW_MS, rms }
}
