import pg from 'pg'
import type { Database, OpenDatabaseOptions } from './database'
import { LedgerUnavailable } from './ledger-errors'
import { inSavepoint } from './savepoint'

const INT8 = 20
const NUMERIC = 1700

// Parsers for this pool only (pg.types would change them for every pg user in the process).
const types: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8 || oid === NUMERIC
      ? (value: string) => Number(value)
      : pg.types.getTypeParser(oid, format ?? 'text')) as pg.CustomTypesConfig['getTypeParser'],
}

/** The URL with its password replaced, fit for a message or a log. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url)
    if (parsed.password) parsed.password = '***'
    return parsed.toString()
  } catch {
    return '(a DATABASE_URL that is not a URL)'
  }
}

function passwordOf(url: string): string | undefined {
  try {
    const password = decodeURIComponent(new URL(url).password)
    return password || undefined
  } catch {
    return undefined
  }
}

function clientDatabase(client: pg.PoolClient, depth: number): Database {
  return {
    kind: 'postgres',
    query: async <T>(sql: string, params?: unknown[]) => (await client.query(sql, params)).rows as T[],
    transaction: (fn) => inSavepoint(clientDatabase(client, depth + 1), depth + 1, fn),
    close: () => Promise.reject(new Error('close the database, not one of its transactions')),
  }
}

/** A pg.Pool on `url`, checked with one round trip so that a wrong URL fails at start, not at the first render. */
export async function openPostgresDatabase(url: string, options: OpenDatabaseOptions): Promise<Database> {
  const shown = redactUrl(url)
  const password = passwordOf(url)
  const scrub = (text: string) => (password ? text.split(password).join('***') : text)
  if (!/^postgres(ql)?:\/\//.test(url))
    throw new LedgerUnavailable(`DATABASE_URL must be a postgres:// URL, not ${shown}.`)
  let pool: pg.Pool
  try {
    pool = new pg.Pool({
      connectionString: url,
      connectionTimeoutMillis: options.connectTimeoutMs ?? 5000,
      application_name: 'cannon-studio',
      types,
    })
  } catch (error) {
    throw new LedgerUnavailable(`DATABASE_URL ${shown} cannot be used: ${scrub((error as Error).message)}`)
  }
  pool.on('error', (error) => options.onBackgroundError?.(error))
  try {
    await pool.query('SELECT 1')
  } catch (error) {
    await pool.end().catch(() => undefined)
    const { code, message } = error as NodeJS.ErrnoException
    // A refused 'localhost' (IPv4 and IPv6 both tried) is an AggregateError with an empty message.
    const reason = scrub(
      !message ? (code ?? 'no answer') : code && !message.includes(code) ? `${code}: ${message}` : message,
    )
    throw new LedgerUnavailable(
      `Cannot reach the ledger's Postgres at ${shown} (${reason}). Check DATABASE_URL and that the server is ` +
        'running and accepts this user, or unset DATABASE_URL to use the embedded ledger.',
    )
  }
  return {
    kind: 'postgres',
    query: async <T>(sql: string, params?: unknown[]) => (await pool.query(sql, params)).rows as T[],
    transaction: async (fn) => {
      const client = await pool.connect()
      let broken = false
      try {
        await client.query('BEGIN')
        const result = await fn(clientDatabase(client, 0))
        await client.query('COMMIT')
        return result
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {
          broken = true
        })
        throw error
      } finally {
        client.release(broken)
      }
    },
    close: () => pool.end(),
  }
}
