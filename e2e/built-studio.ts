import { spawn } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { get } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const OUT_DIR = process.env.OUT_DIR ?? 'dist'

/** One health check on its own connection, closed after (a pooled one would count against per-client limits). */
const healthy = (url: string) =>
  new Promise<boolean>((resolve) =>
    get(url, { agent: false }, (res) => {
      res.resume()
      resolve(res.statusCode === 200)
    }).on('error', () => resolve(false)),
  )

// Creating a new embedded ledger takes seconds, and up to a minute on a busy machine.
const READY_WITHIN_MS = 60_000

/**
 * The built studio (`dist/server/main.js`) in its own process, with exactly the environment given (and a ledger
 * folder of its own unless STUDIO_DATA_DIR is given); resolves once
 * it answers /api/health, rejects with what it printed if it exits first or does not answer in time.
 */
export async function startBuiltStudio(port: number, env: Record<string, string>) {
  const server = spawn(process.execPath, [`${OUT_DIR}/server/main.js`], {
    env: {
      PATH: process.env.PATH,
      HOST: '127.0.0.1',
      PORT: String(port),
      STUDIO_DATA_DIR: mkdtempSync(join(tmpdir(), 'studio-e2e-')),
      ...env,
    },
  })
  let output = ''
  let exited = false
  server.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
  server.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const exit = new Promise<void>((resolve) => server.once('exit', () => ((exited = true), resolve())))
  const origin = `http://127.0.0.1:${port}`
  for (const started = Date.now(); ;) {
    if (exited) throw new Error(`The studio stopped: ${output}`)
    if (Date.now() - started > READY_WITHIN_MS) {
      server.kill('SIGTERM')
      throw new Error(`The studio did not answer in ${READY_WITHIN_MS / 1000} s: ${output}`)
    }
    const up = await healthy(`${origin}/api/health`)
    if (up) break
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  return {
    origin,
    output: () => output,
    stop: async () => {
      if (!exited) server.kill('SIGTERM')
      await exit
    },
    /** kill -9: no shutdown, no goodbye (a crash). */
    crash: async () => {
      if (!exited) server.kill('SIGKILL')
      await exit
    },
  }
}
