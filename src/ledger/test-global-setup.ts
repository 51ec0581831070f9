import { createHash } from 'node:crypto'
import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { TestProject } from 'vitest/node'
import { migrate, MIGRATIONS } from './migrations'
import { openPgliteDatabase, snapshotMemoryPglite } from './pglite-database'
import { startTestPostgres } from './test-postgres'

declare module 'vitest' {
  export interface ProvidedContext {
    /** The throwaway Postgres of this test run (each test file makes its own database on it). */
    ledgerPostgresUrl: string
    /** A migrated PGlite data folder (tarball): opens in about a second instead of a fresh initdb's four. */
    ledgerSnapshotPath: string
    /** A PGlite data folder on disk as openDatabase makes it on a first start (not migrated); copy it to use it. */
    ledgerFreshFolder: string
  }
}

const CACHE_DIR = path.resolve('node_modules/.cache/ledger-tests')

async function cacheKey(...parts: unknown[]): Promise<string> {
  const pglite = JSON.parse(await readFile(path.resolve('node_modules/@electric-sql/pglite/package.json'), 'utf8'))
  return createHash('sha256')
    .update(JSON.stringify([pglite.version, ...parts]))
    .digest('hex')
    .slice(0, 16)
}

/** The migrated snapshot, made once per migration set and PGlite version and kept in node_modules/.cache. */
async function migratedSnapshot(): Promise<string> {
  const file = path.join(CACHE_DIR, `pglite-${await cacheKey(MIGRATIONS)}.tar`)
  if (existsSync(file)) return file
  const blob = await snapshotMemoryPglite(async (db) => {
    await migrate(db)
  })
  await mkdir(CACHE_DIR, { recursive: true })
  const partial = `${file}.${process.pid}.partial`
  await writeFile(partial, Buffer.from(await blob.arrayBuffer()))
  await rename(partial, file)
  return file
}

/**
 * A data folder made by openDatabase's first start (PGlite's initdb on disk, seconds of CPU), once per PGlite
 * version: the on-disk tests copy it instead of paying for a new one on every run.
 */
async function freshFolder(): Promise<string> {
  const folder = path.join(CACHE_DIR, `pglite-folder-${await cacheKey()}`)
  if (existsSync(folder)) return folder
  const dataDir = await mkdtemp(path.join(tmpdir(), 'ledger-fresh-'))
  try {
    await (await openPgliteDatabase(dataDir, { maintenanceEveryMs: 0 })).close()
    await mkdir(CACHE_DIR, { recursive: true })
    await rename(path.join(dataDir, 'ledger'), folder).catch((error: NodeJS.ErrnoException) => {
      // Another run made it meanwhile, or the cache is on another file system: use ours from where it is.
      if (!existsSync(folder)) throw error
    })
  } finally {
    await rm(dataDir, { recursive: true, force: true })
  }
  return folder
}

/** Vitest globalSetup of the ledger project: one Postgres and one migrated PGlite snapshot per run. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const [server, snapshotPath, freshFolderPath] = await Promise.all([
    startTestPostgres(),
    migratedSnapshot(),
    freshFolder(),
  ])
  project.provide('ledgerPostgresUrl', server.url)
  project.provide('ledgerSnapshotPath', snapshotPath)
  project.provide('ledgerFreshFolder', freshFolderPath)
  return () => server.stop()
}
