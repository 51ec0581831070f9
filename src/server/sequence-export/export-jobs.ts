import { randomUUID } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { mkdir, readdir, rename, rm, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import type { Cut } from './cut'
import { encodeMp4, type EncodeOptions } from './encode-mp4'

export type ExportState = 'queued' | 'running' | 'done' | 'failed' | 'cancelled'

export interface ExportStatus {
  sequenceId: string
  state: ExportState
  progress: number
  error?: string
  /** Set once the file has been downloaded whole (it is then removed). */
  downloaded?: boolean
}

interface Job extends ExportStatus {
  id: string
  fileName: string
  cut: Cut
  controller: AbortController
  /** Settles when its encode has ended, whichever way. */
  ended?: Promise<void>
  file?: string
  finishedAtMs?: number
}

const HOUR = 60 * 60_000
const MAX_WAITING = 4

/** More exports are waiting than the studio takes on: answered 429, nothing started. */
export class ExportsBusy extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super(`${MAX_WAITING} exports are already waiting; try again in a few minutes`)
    this.name = 'ExportsBusy'
  }
}

export interface ExportRunnerOptions {
  /** The data dir's temp area for exports: results, and partial files while they encode. */
  dir: string
  encode?: (cut: Cut, output: string, options: EncodeOptions) => Promise<unknown>
  /** How long a finished export (and its file, until downloaded) is kept. Default an hour. */
  keepMs?: number
  now?: () => number
}

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error))

/**
 * Runs exports one at a time per studio process (an encode takes both cores of a small machine), the rest
 * waiting in line, up to MAX_WAITING. A finished export's file waits in `dir` until it is downloaded whole or an
 * hour has passed; files a stopped process left there are removed at open once they are that old.
 */
export async function openExportRunner(options: ExportRunnerOptions) {
  const { dir, encode = encodeMp4, keepMs = HOUR, now = Date.now } = options
  await mkdir(dir, { recursive: true })
  for (const name of await readdir(dir)) {
    const path = join(dir, name)
    const info = await stat(path).catch(() => undefined)
    if (info && now() - info.mtimeMs > keepMs) await rm(path, { recursive: true, force: true })
  }

  const jobs = new Map<string, Job>()
  const waiting: Job[] = []
  let running: Job | undefined

  const finish = (job: Job, state: ExportState, error?: string) => {
    Object.assign(job, { state, finishedAtMs: now(), ...(error ? { error } : {}) })
    void job.cut.release()
  }

  async function run(job: Job) {
    running = job
    job.state = 'running'
    const output = join(dir, `${job.id}.mp4`)
    const partial = `${output}.part`
    try {
      await encode(job.cut, partial, {
        signal: job.controller.signal,
        onProgress: (progress) => void (job.progress = progress),
      })
      await rename(partial, output)
      job.file = output
      job.progress = 1
      finish(job, 'done')
    } catch (error) {
      await rm(partial, { force: true })
      if (job.controller.signal.aborted) finish(job, 'cancelled')
      else finish(job, 'failed', errorText(error))
    } finally {
      running = undefined
      const next = waiting.shift()
      if (next) next.ended = run(next)
    }
  }

  async function forget(job: Job) {
    jobs.delete(job.id)
    if (job.file) await rm(job.file, { force: true })
  }

  const sweep = setInterval(() => {
    for (const job of jobs.values()) if (job.finishedAtMs && now() - job.finishedAtMs > keepMs) void forget(job)
  }, 60_000)
  sweep.unref()

  return {
    /** Whether another export would be taken on (asked before loading a cut, which may download takes). */
    hasRoom: () => waiting.length < MAX_WAITING,

    /** Starts (or queues) the encode of `cut`; the runner releases the cut when it is done with it. */
    start(cut: Cut, fileName: string): string {
      if (waiting.length >= MAX_WAITING) throw new ExportsBusy(60)
      const id = randomUUID()
      const job: Job = {
        id,
        sequenceId: cut.sequenceId,
        fileName,
        cut,
        state: 'queued',
        progress: 0,
        controller: new AbortController(),
      }
      jobs.set(id, job)
      if (running) waiting.push(job)
      else job.ended = run(job)
      return id
    },

    status(id: string): ExportStatus | undefined {
      const job = jobs.get(id)
      if (!job) return undefined
      const { sequenceId, state, progress, error, downloaded } = job
      return { sequenceId, state, progress, ...(error ? { error } : {}), ...(downloaded ? { downloaded } : {}) }
    },

    /**
     * Stops a running export (ffmpeg is killed, the partial file removed: settles once it is) or takes a waiting
     * one out of line. A finished export stays as it is.
     */
    async cancel(id: string): Promise<ExportStatus | undefined> {
      const job = jobs.get(id)
      if (!job) return undefined
      const queued = waiting.indexOf(job)
      if (queued >= 0) {
        waiting.splice(queued, 1)
        finish(job, 'cancelled')
      } else if (job.state === 'running') {
        job.controller.abort()
        await job.ended
      }
      return this.status(id)
    },

    /** The finished file as a stream; once it has been read to its end the file is removed. */
    async result(id: string) {
      const job = jobs.get(id)
      const path = job?.file
      const info = path && (await stat(path).catch(() => undefined))
      if (!job || !path || !info) return undefined
      const file = createReadStream(path)
      file.once('end', () => {
        job.file = undefined
        job.downloaded = true
        void rm(path, { force: true })
      })
      return { stream: Readable.toWeb(file) as ReadableStream<Uint8Array>, size: info.size, fileName: job.fileName }
    },

    /** Stops every export and forgets them (the studio is shutting down). */
    async close() {
      clearInterval(sweep)
      for (const job of waiting.splice(0)) finish(job, 'cancelled')
      running?.controller.abort()
      await running?.ended
      await Promise.all([...jobs.values()].map(forget))
    },
  }
}

export type ExportRunner = Awaited<ReturnType<typeof openExportRunner>>
