import { mkdtemp, readdir, rm, utimes, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Cut } from './cut'
import type { EncodeOptions } from './encode-mp4'
import { ExportsBusy, openExportRunner } from './export-jobs'
import { handMadeCut } from './test-clips'

/** An encoder the test drives: each call waits until the test finishes or fails it, and honours abort. */
function drivenEncoder() {
  const calls: { output: string; options: EncodeOptions; finish: () => Promise<void>; fail: (e: Error) => void }[] = []
  const encode = (_cut: Cut, output: string, options: EncodeOptions) =>
    new Promise<void>((resolve, reject) => {
      options.signal?.addEventListener('abort', () => reject(options.signal?.reason))
      calls.push({
        output,
        options,
        finish: async () => {
          await writeFile(output, 'mp4 bytes')
          resolve()
        },
        fail: reject,
      })
    })
  return { encode, calls }
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 10))
const text = async (stream: ReadableStream<Uint8Array>) => new Response(stream).text()

describe('the export runner', () => {
  let dir: string
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'export-jobs-'))
  })
  afterEach(() => rm(dir, { recursive: true, force: true }))

  it('runs one export at a time, the next waiting in line, and reports progress', async () => {
    const { encode, calls } = drivenEncoder()
    const runner = await openExportRunner({ dir, encode })
    const first = runner.start(handMadeCut([]), 'first.mp4')
    const second = runner.start(handMadeCut([]), 'second.mp4')
    expect(calls).toHaveLength(1)
    expect(runner.status(second)?.state).toBe('queued')
    calls[0]!.options.onProgress?.(0.4)
    expect(runner.status(first)).toEqual({ sequenceId: 'seq-1', state: 'running', progress: 0.4 })
    await calls[0]!.finish()
    await settle()
    expect(runner.status(first)).toMatchObject({ state: 'done', progress: 1 })
    expect(runner.status(second)?.state).toBe('running')
    await runner.close()
  })

  it('refuses a fifth export waiting in line', async () => {
    const { encode } = drivenEncoder()
    const runner = await openExportRunner({ dir, encode })
    for (let i = 0; i < 5; i++) runner.start(handMadeCut([]), `${i}.mp4`)
    expect(() => runner.start(handMadeCut([]), 'one-too-many.mp4')).toThrow(ExportsBusy)
    await runner.close()
  })

  it('serves the file once, removes it after it was read to the end, and releases the cut', async () => {
    const { encode, calls } = drivenEncoder()
    const runner = await openExportRunner({ dir, encode })
    const cut = handMadeCut([])
    const id = runner.start(cut, 'harbour.mp4')
    await calls[0]!.finish()
    await settle()
    expect(cut.released()).toBe(1)
    const file = await runner.result(id)
    expect(file).toMatchObject({ size: 9, fileName: 'harbour.mp4' })
    expect(await text(file!.stream)).toBe('mp4 bytes')
    await settle()
    expect(await readdir(dir)).toEqual([])
    expect(runner.status(id)).toMatchObject({ state: 'done', downloaded: true })
    expect(await runner.result(id)).toBeUndefined()
  })

  it('cancels a running export (its partial file removed) and a waiting one', async () => {
    const { encode, calls } = drivenEncoder()
    const runner = await openExportRunner({ dir, encode })
    const running = runner.start(handMadeCut([]), 'a.mp4')
    const waiting = runner.start(handMadeCut([]), 'b.mp4')
    await writeFile(calls[0]!.output, 'partial')
    expect(await runner.cancel(waiting)).toMatchObject({ state: 'cancelled' })
    expect(await runner.cancel(running)).toMatchObject({ state: 'cancelled' })
    expect(calls[0]!.options.signal?.aborted).toBe(true)
    expect(calls).toHaveLength(1)
    expect(await readdir(dir)).toEqual([])
  })

  it('says why an export failed', async () => {
    const { encode, calls } = drivenEncoder()
    const runner = await openExportRunner({ dir, encode })
    const id = runner.start(handMadeCut([]), 'a.mp4')
    calls[0]!.fail(new Error('The MP4 could not be made: disk full'))
    await settle()
    expect(runner.status(id)).toMatchObject({ state: 'failed', error: 'The MP4 could not be made: disk full' })
  })

  it('forgets a finished export and removes its file after an hour', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'Date'] })
    try {
      const { encode, calls } = drivenEncoder()
      const runner = await openExportRunner({ dir, encode })
      const id = runner.start(handMadeCut([]), 'a.mp4')
      await calls[0]!.finish()
      await vi.waitFor(() => expect(runner.status(id)?.state).toBe('done'))
      vi.advanceTimersByTime(30 * 60_000)
      expect(runner.status(id)?.state).toBe('done')
      vi.advanceTimersByTime(31 * 60_000)
      expect(runner.status(id)).toBeUndefined()
      await vi.waitFor(async () => expect(await readdir(dir)).toEqual([]))
    } finally {
      vi.useRealTimers()
    }
  })

  it('removes at open the files a stopped studio left there over an hour ago, and keeps newer ones', async () => {
    await writeFile(join(dir, 'old.mp4.part'), 'x')
    await writeFile(join(dir, 'new.mp4'), 'y')
    const twoHoursAgo = new Date(Date.now() - 2 * 60 * 60_000)
    await utimes(join(dir, 'old.mp4.part'), twoHoursAgo, twoHoursAgo)
    await openExportRunner({ dir, encode: drivenEncoder().encode })
    expect(await readdir(dir)).toEqual(['new.mp4'])
  })
})
