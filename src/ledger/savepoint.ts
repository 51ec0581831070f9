import type { Database } from './database'

/** A transaction inside a transaction: a savepoint on the same connection, undone alone when `fn` throws. */
export async function inSavepoint<T>(tx: Database, depth: number, fn: (tx: Database) => Promise<T>): Promise<T> {
  const name = `ledger_sp_${depth}`
  await tx.query(`SAVEPOINT ${name}`)
  try {
    const result = await fn(tx)
    await tx.query(`RELEASE SAVEPOINT ${name}`)
    return result
  } catch (error) {
    await tx.query(`ROLLBACK TO SAVEPOINT ${name}`)
    throw error
  }
}
