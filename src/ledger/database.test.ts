import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { createServer, type Server } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { openDatabase } from './database'
import { LedgerUnavailable } from './ledger-errors'
import { migrate, migrationStatus, MIGRATIONS } from './migrations'
import { redactUrl } from './postgres-database'
import { getRender, recordSubmission } from './render-store'
import { submission } from './test-fixtures'
import { ENGINES, useTestLedger } from './test-ledger'

let dir: string
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'ledger-db-test-'))
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

function listen(server: Server): Promise<number> {
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      resolve(typeof address === 'object' && address ? address.port : 0)
    }),
  )
}

async function closedPort(): Promise<number> {
  const server = createServer()
  const port = await listen(server)
  await new Promise((resolve) => server.close(resolve))
  return port
}

describe('the embedded ledger on disk', () => {
  it('keeps its data across a close and a reopen, and refuses a second opener', async () => {
    const dataDir = path.join(dir, 'data')
    // What openDatabase made of an empty folder on its first start (made once, by the global setup).
    await cp(inject('ledgerFreshFolder'), path.join(dataDir, 'ledger'), { recursive: true })
    const db = await openDatabase({ dataDir })
    expect(db.kind).toBe('pglite')
    // Migrated from nothing (trigram index included).
    expect((await migrationStatus(db)).applied).toEqual([])
    expect(await migrate(db)).toEqual({ applied: MIGRATIONS.map((m) => m.version) })
    const indexes = await db.query<{ indexname: string }>(
      `SELECT indexname FROM pg_indexes WHERE tablename = 'renders'`,
    )
    expect(indexes.map((i) => i.indexname)).toEqual(expect.arrayContaining(['renders_due', 'renders_prompt_trgm']))
    const render = await recordSubmission(db, submission())
    await expect(openDatabase({ dataDir })).rejects.toThrow(/already open in this process/)
    await db.close()

    // Another live process holds the folder: refused, with what to do.
    const lock = path.join(dataDir, 'ledger.lock')
    await writeFile(lock, `${process.ppid}\n`)
    const refusal = await openDatabase({ dataDir }).catch((error: unknown) => error)
    expect(refusal).toBeInstanceOf(LedgerUnavailable)
    expect((refusal as Error).message).toMatch(/in use by another process .*DATABASE_URL/)

    // A lock left by a process that has died is taken over.
    await writeFile(lock, '2147483646\n')
    const reopened = await openDatabase({ dataDir })
    try {
      expect(await migrate(reopened)).toEqual({ applied: [] })
      expect(await getRender(reopened, render.id)).toEqual(render)
    } finally {
      await reopened.close()
    }
  }, 60_000)

  it('says what to fix when the data folder cannot be written', async () => {
    const file = path.join(dir, 'a-file')
    await writeFile(file, 'not a folder')
    const error = await openDatabase({ dataDir: path.join(file, 'data') }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(LedgerUnavailable)
    expect((error as Error).message).toMatch(
      /cannot use the folder .*a-file\/data\/ledger \(ENOTDIR\).*STUDIO_DATA_DIR/,
    )
  })
})

describe('a Postgres that cannot be reached', () => {
  it('fails fast with what to fix, never showing the password', async () => {
    const url = `postgres://studio:s3cret-pw@127.0.0.1:${await closedPort()}/ledger`
    const started = Date.now()
    const error = await openDatabase({ url, dataDir: dir }).catch((e: unknown) => e)
    expect(Date.now() - started).toBeLessThan(3000)
    expect(error).toBeInstanceOf(LedgerUnavailable)
    const { message } = error as Error
    expect(message).toContain('ECONNREFUSED')
    expect(message).toContain('postgres://studio:***@127.0.0.1')
    expect(message).toContain('DATABASE_URL')
    expect(message).not.toContain('s3cret-pw')
  })

  it('gives up after the connect timeout when the server never answers', async () => {
    const silent = createServer(() => undefined)
    const port = await listen(silent)
    try {
      const started = Date.now()
      const error = await openDatabase({
        url: `postgres://studio:pa%3Ass@127.0.0.1:${port}/ledger`,
        dataDir: dir,
        connectTimeoutMs: 300,
      }).catch((e: unknown) => e)
      expect(Date.now() - started).toBeLessThan(2000)
      expect(error).toBeInstanceOf(LedgerUnavailable)
      expect((error as Error).message).toMatch(/timeout/i)
      expect((error as Error).message).not.toMatch(/pa:ss|pa%3Ass/)
    } finally {
      silent.close()
    }
  })

  it('refuses a URL that is not a postgres:// one', async () => {
    await expect(openDatabase({ url: 'mysql://u:secret@h/db', dataDir: dir })).rejects.toThrow(
      /must be a postgres:\/\/ URL, not mysql:\/\/u:\*\*\*@h\/db/,
    )
    expect(redactUrl('postgres://u:p@h:5432/db?sslmode=require')).toBe('postgres://u:***@h:5432/db?sslmode=require')
    expect(redactUrl('not a url')).not.toContain('not a url')
  })
})

describe.each(ENGINES)('the database interface on %s', (engine) => {
  const ledger = useTestLedger(engine)

  it('returns bigint and numeric values as numbers', async () => {
    const [row] = await ledger.db.query<Record<string, unknown>>(
      `SELECT 1800000000123::bigint AS big, count(*) AS n, 2.5::numeric AS num, 1.25::double precision AS dbl`,
    )
    expect(row).toEqual({ big: 1_800_000_000_123, n: 1, num: 2.5, dbl: 1.25 })
    // Only the ledger's own pool parses them so: every other pg user in the process keeps pg's defaults.
    expect(pg.types.getTypeParser(20, 'text')('5')).toBe('5')
  })

  it('commits a transaction, rolls one back on a throw, and nests with savepoints', async () => {
    await ledger.db.query('CREATE TABLE IF NOT EXISTS tx_probe (v text)')
    await ledger.db.query('TRUNCATE tx_probe')
    await ledger.db.transaction(async (tx) => {
      await tx.query(`INSERT INTO tx_probe VALUES ('outer')`)
      await expect(
        tx.transaction(async (inner) => {
          await inner.query(`INSERT INTO tx_probe VALUES ('inner')`)
          throw new Error('undo the inner one')
        }),
      ).rejects.toThrow('undo the inner one')
      await tx.transaction((inner) => inner.query(`INSERT INTO tx_probe VALUES ('kept inner')`))
    })
    await expect(
      ledger.db.transaction(async (tx) => {
        await tx.query(`INSERT INTO tx_probe VALUES ('rolled back')`)
        throw new Error('no')
      }),
    ).rejects.toThrow('no')
    const rows = await ledger.db.query<{ v: string }>('SELECT v FROM tx_probe ORDER BY v')
    expect(rows.map((r) => r.v)).toEqual(['kept inner', 'outer'])
  })
})
