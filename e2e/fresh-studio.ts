import { test as base } from '@playwright/test'
import { existsSync } from 'node:fs'
import { cp, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startBuiltStudio } from './built-studio'
import { FRESH_PORTS } from './ports'

type Studio = Awaited<ReturnType<typeof startBuiltStudio>>

// A ledger folder is tens of megabytes of small files: copied in memory where the machine has a tmpfs.
const newDataDir = () => mkdtemp(join(existsSync('/dev/shm') ? '/dev/shm' : tmpdir(), 'studio-e2e-fresh-'))

async function startFresh(template: string, port: number) {
  const dir = await newDataDir()
  await cp(template, dir, { recursive: true })
  const studio = await startBuiltStudio(port, { STUDIO_DATA_DIR: dir })
  return {
    ...studio,
    stop: async () => {
      await studio.stop()
      await rm(dir, { recursive: true, force: true })
    },
  }
}

/**
 * Studios with a new, empty ledger. A new PGlite folder takes seconds to create, so one is made per worker and
 * copied; and since opening a copy still takes a couple of seconds, the next test's studio starts while the
 * current test runs, on the other of two ports.
 */
function studioPool(template: string) {
  let started = 0
  const start = () => startFresh(template, FRESH_PORTS[started++ % FRESH_PORTS.length]!)
  let next: Promise<Studio> | undefined
  return {
    take: (): Promise<Studio> => {
      const current = next ?? start()
      next = current.then(start)
      return current
    },
    close: async () => {
      await (await next?.catch(() => undefined))?.stop()
    },
  }
}

/** Tests whose gallery must start empty: each gets a studio of its own, and baseURL points at it. */
export const test = base.extend<{ studio: Studio }, { studios: ReturnType<typeof studioPool> }>({
  studios: [
    // Playwright reads a fixture's dependencies from its first parameter, so it must be a destructuring pattern.
    // eslint-disable-next-line no-empty-pattern
    async ({}, provide) => {
      const template = await newDataDir()
      await (await startBuiltStudio(FRESH_PORTS[0], { STUDIO_DATA_DIR: template })).stop()
      const pool = studioPool(template)
      await provide(pool)
      await pool.close()
      await rm(template, { recursive: true, force: true })
    },
    { scope: 'worker', timeout: 120_000 },
  ],
  studio: async ({ studios }, provide) => {
    const studio = await studios.take()
    await provide(studio)
    await studio.stop()
  },
  baseURL: async ({ studio }, provide) => provide(studio.origin),
})

export { expect } from '@playwright/test'
