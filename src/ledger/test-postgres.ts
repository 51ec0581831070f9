import { execFile } from 'node:child_process'
import { existsSync, readdirSync } from 'node:fs'
import { chown, mkdtemp, rm } from 'node:fs/promises'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'

/*
 * A throwaway Postgres for tests and the bench: its own cluster in a temp folder, on a free loopback port,
 * trusting local connections as user `studio`, stopped by its data folder (never by process name).
 */

const run = promisify(execFile)

export interface TestPostgres {
  /** postgres://studio@127.0.0.1:PORT/postgres */
  url: string
  stop(): Promise<void>
}

const MISSING =
  'Postgres server binaries (initdb, pg_ctl) not found: install them with `apt-get install -y postgresql`.'

/** The newest /usr/lib/postgresql/N/bin, else the folder on PATH that holds initdb and pg_ctl. */
export function findPostgresBin(where: { root?: string; pathEnv?: string } = {}): string {
  const hasTools = (dir: string) => existsSync(path.join(dir, 'initdb')) && existsSync(path.join(dir, 'pg_ctl'))
  const root = where.root ?? '/usr/lib/postgresql'
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((name) => /^\d+$/.test(name))
        .sort((a, b) => Number(b) - Number(a))
    : []
  for (const version of versions) {
    const dir = path.join(root, version, 'bin')
    if (hasTools(dir)) return dir
  }
  for (const dir of (where.pathEnv ?? process.env.PATH ?? '').split(path.delimiter))
    if (dir && hasTools(dir)) return dir
  throw new Error(MISSING)
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      )
    })
  })
}

async function postgresUser(): Promise<{ uid: number; gid: number }> {
  const id = async (flag: string) => Number((await run('id', [flag, 'postgres'])).stdout.trim())
  try {
    return { uid: await id('-u'), gid: await id('-g') }
  } catch {
    throw new Error(`initdb refuses to run as root and there is no 'postgres' user to run it as. ${MISSING}`)
  }
}

export async function startTestPostgres(): Promise<TestPostgres> {
  const bin = findPostgresBin()
  const dir = await mkdtemp(path.join(tmpdir(), 'ledger-pg-'))
  const data = path.join(dir, 'data')
  const asRoot = process.getuid?.() === 0
  // initdb refuses to run as root: then the cluster belongs to the postgres user.
  const as = (tool: string, args: string[]) =>
    asRoot ? run('runuser', ['-u', 'postgres', '--', path.join(bin, tool), ...args]) : run(path.join(bin, tool), args)
  try {
    if (asRoot) {
      const { uid, gid } = await postgresUser()
      await chown(dir, uid, gid)
    }
    await as('initdb', ['-D', data, '-A', 'trust', '-U', 'studio', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync'])
    const port = await freePort()
    const options = [
      `-p ${port}`,
      `-k ${dir}`,
      '-c listen_addresses=127.0.0.1',
      // A throwaway cluster: durability buys nothing and costs time.
      '-c fsync=off',
      '-c synchronous_commit=off',
      '-c full_page_writes=off',
    ].join(' ')
    await as('pg_ctl', ['-D', data, '-l', path.join(dir, 'server.log'), '-o', options, '-w', '-t', '60', 'start'])
    let stopped = false
    return {
      url: `postgres://studio@127.0.0.1:${port}/postgres`,
      stop: async () => {
        if (stopped) return
        stopped = true
        await as('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']).catch(() => undefined)
        await rm(dir, { recursive: true, force: true })
      },
    }
  } catch (error) {
    await as('pg_ctl', ['-D', data, '-m', 'immediate', 'stop']).catch(() => undefined)
    await rm(dir, { recursive: true, force: true })
    const { stderr } = error as { stderr?: string }
    throw new Error(`Could not start a test Postgres from ${bin}: ${stderr?.trim() || (error as Error).message}`, {
      cause: error,
    })
  }
}

/** A fresh database on the test server, so that test files never see each other's rows. */
export async function createScratchDatabase(serverUrl: string, prefix = 'x'): Promise<string> {
  const { default: pg } = await import('pg')
  const name = `${prefix}_${crypto.randomUUID().replaceAll('-', '')}`
  const client = new pg.Client({ connectionString: serverUrl })
  await client.connect()
  try {
    await client.query(`CREATE DATABASE ${name}`)
  } finally {
    await client.end()
  }
  const url = new URL(serverUrl)
  url.pathname = `/${name}`
  return url.toString()
}
