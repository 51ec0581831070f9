import { open, readFile, unlink } from 'node:fs/promises'
import { LedgerUnavailable } from './ledger-errors'

/*
 * PGlite is one process's database: two processes writing one folder would corrupt it, and PGlite does not
 * guard against that itself (it writes no postmaster.pid). A lock file beside the folder, holding the owner's
 * pid, refuses a second opener while the first is alive; a lock left by a dead process is taken over.
 */

const heldHere = new Set<string>()

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

async function ownerOf(lockPath: string): Promise<number | undefined> {
  const text = await readFile(lockPath, 'utf8').catch(() => '')
  const pid = Number.parseInt(text, 10)
  return Number.isInteger(pid) && pid > 0 ? pid : undefined
}

/** Takes the lock at `lockPath`, or throws LedgerUnavailable naming the process that holds it. */
export async function lockFolder(lockPath: string, folder: string): Promise<() => Promise<void>> {
  if (heldHere.has(lockPath))
    throw new LedgerUnavailable(`The embedded ledger at ${folder} is already open in this process: close it first.`)
  for (let attempt = 0; ; attempt += 1) {
    try {
      const handle = await open(lockPath, 'wx')
      await handle.writeFile(`${process.pid}\n`)
      await handle.close()
      break
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 0) throw error
      const pid = await ownerOf(lockPath)
      if (pid !== undefined && pid !== process.pid && isAlive(pid))
        throw new LedgerUnavailable(
          `The embedded ledger at ${folder} is in use by another process (pid ${pid}). Stop that studio, give this ` +
            'one its own STUDIO_DATA_DIR, or set DATABASE_URL so that several studios share one Postgres.',
        )
      await unlink(lockPath).catch(() => undefined)
    }
  }
  heldHere.add(lockPath)
  return async () => {
    heldHere.delete(lockPath)
    await unlink(lockPath).catch(() => undefined)
  }
}
