import { defineConfig } from '@playwright/test'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './e2e/chromium'
import { E2E_PORT, FAULTS_PORT } from './e2e/ports'

const server = `node ${process.env.OUT_DIR ?? 'dist'}/server/main.js`
/** Each studio keeps its ledger in a folder of its own, new for every run and removed after it. */
const dataDirs: string[] = []
process.on('exit', () => dataDirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })))
const dataDir = (name: string) => {
  const dir = mkdtempSync(join(tmpdir(), `studio-e2e-${name}-`))
  dataDirs.push(dir)
  return dir
}

export default defineConfig({
  testDir: 'e2e',
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  // CI runs on shared 2-core machines, where a timing-bound test (a double click, a frame step) can lose its
  // moment to a load spike: a test gets one more try there and the report names it flaky; two failures are red.
  retries: process.env.CI ? 1 : 0,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${E2E_PORT}`,
    // A trace records every action of every test; CI keeps only its log, so it records none there.
    trace: process.env.CI ? 'off' : 'retain-on-failure',
    launchOptions: {
      executablePath: CHROMIUM_PATH,
      args: [...CHROMIUM_ARGS, '--autoplay-policy=no-user-gesture-required'],
    },
  },
  projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
  webServer: [
    {
      command: server,
      url: `http://127.0.0.1:${E2E_PORT}/api/health`,
      reuseExistingServer: false,
      timeout: 90_000,
      env: { HOST: '127.0.0.1', PORT: String(E2E_PORT), CANNON_API_KEY: '', STUDIO_DATA_DIR: dataDir('main') },
    },
    {
      // For e2e/reliability-faults.spec.ts, which points its baseURL here.
      command: server,
      url: `http://127.0.0.1:${FAULTS_PORT}/api/health`,
      reuseExistingServer: false,
      timeout: 90_000,
      env: {
        HOST: '127.0.0.1',
        PORT: String(FAULTS_PORT),
        CANNON_API_KEY: '',
        STUDIO_DATA_DIR: dataDir('faults'),
        SIMULATOR_FAULTS:
          'fail_rate=0.15,http_5xx_rate=0.1,http_429_rate=0.1,malformed_rate=0.05,stuck_rate=0.1,latency_ms=50',
        // Retries of a faulty create count against the limit too; this server tests faults, not the limiter.
        STUDIO_CREATE_RATE_LIMIT: '200/60s',
      },
    },
  ],
})
