import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export function ensureBuilt(outDir: string) {
  if (existsSync(`${outDir}/server/main.js`) && process.env.BENCH_SKIP_BUILD) return
  const result = spawnSync('npm', ['run', 'build', '--silent'], {
    stdio: 'inherit',
    env: { ...process.env, OUT_DIR: outDir },
  })
  if (result.status !== 0) throw new Error('build failed')
}

/** Starts the built studio (demo mode, a new ledger folder unless given) on a loopback port; waits until it answers. */
export async function startStudio(outDir: string, port: number, env: Record<string, string> = {}) {
  const child: ChildProcess = spawn('node', [`${outDir}/server/main.js`], {
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: String(port),
      CANNON_API_KEY: '',
      STUDIO_DATA_DIR: mkdtempSync(join(tmpdir(), 'studio-bench-')),
      ...env,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  const url = `http://127.0.0.1:${port}`
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  // Resolves once the studio has exited (its ledger folder closed, so that it can be removed).
  const stop = () => {
    child.kill('SIGTERM')
    return exited
  }
  for (let i = 0; i < 600; i++) {
    try {
      if ((await fetch(`${url}/api/health`)).ok) return { url, pid: child.pid!, stop }
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  child.kill('SIGKILL')
  throw new Error(`the studio did not start on ${url}`)
}
