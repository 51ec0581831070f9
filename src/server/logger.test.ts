import { describe, expect, it } from 'vitest'
import { createLogger, type LoggerOptions } from './logger'

const KEY = 'cs_live_logger_key_5e1d'
const poll = { method: 'GET', route: '/api/v1/requests/:id', status: 200, upstreamStatus: 200, durationMs: 3.21 }

function logger(options: Partial<LoggerOptions> = {}) {
  const lines: string[] = []
  const log = createLogger({ write: (line) => lines.push(line), secrets: [KEY], ...options })
  return { log, lines }
}

describe('the studio log', () => {
  it('writes JSON by default: the time, the level, then the fields', () => {
    const { log, lines } = logger()
    log({ msg: 'take_kept', id: 'f996a3fe-2b4c-4d7e-9f10-0a1b2c3d4e5f', bytes: 149_165 })
    log({ level: 'warn', msg: 'take_not_kept', reason: 'fetch failed' })
    expect(lines.map((line) => JSON.parse(line))).toEqual([
      {
        time: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
        level: 'info',
        msg: 'take_kept',
        id: expect.any(String),
        bytes: 149_165,
      },
      { time: expect.any(String), level: 'warn', msg: 'take_not_kept', reason: 'fetch failed' },
    ])
  })

  it('writes one short line per record for a person', () => {
    const { log, lines } = logger({ format: 'pretty', level: 'debug' })
    log({
      method: 'POST',
      route: '/api/v1/requests',
      status: 202,
      upstreamStatus: 202,
      durationMs: 41.4,
      requestId: 'r',
    })
    log({ ...poll, status: 304, upstreamStatus: null })
    log({ level: 'error', method: 'GET', route: '/api/v1/status', status: 502, upstreamStatus: 503, durationMs: 12 })
    log({ msg: 'take_kept', id: 'f996a3fe-2b4c-4d7e-9f10-0a1b2c3d4e5f', bytes: 149_165 })
    log({ level: 'warn', msg: 'access_denied', via: 'bearer', client: 'all clients' })
    log({
      msg: 'studio_started',
      mode: 'demo',
      url: 'http://127.0.0.1:3000',
      ledger: 'Postgres',
      simulatorFaults: 'fail_rate=0.2',
    })
    expect(lines.map((line) => line.slice(0, 9))).toEqual(lines.map(() => expect.stringMatching(/^\d\d:\d\d:\d\d $/)))
    expect(lines.map((line) => line.slice(9))).toEqual([
      'POST /api/v1/requests 202 41 ms',
      'GET /api/v1/requests/:id 304 3.2 ms',
      'ERROR GET /api/v1/status 502 (upstream 503) 12 ms',
      'take kept f996a3fe… 149 KB',
      'WARN access denied via=bearer client="all clients"',
      'Cannon Studio (demo mode) at http://127.0.0.1:3000, renders kept in Postgres; simulator faults on: fail_rate=0.2',
    ])
  })

  it('leaves out records below its level: successful polls at info, all but errors at error', () => {
    const quiet = logger()
    quiet.log({ level: 'debug', ...poll })
    quiet.log({ msg: 'render_finished', id: 'x', status: 'succeeded' })
    expect(quiet.lines).toHaveLength(1)
    const errorsOnly = logger({ level: 'error' })
    errorsOnly.log({ level: 'warn', msg: 'take_not_kept' })
    errorsOnly.log({ level: 'error', msg: 'sweep_failed' })
    expect(errorsOnly.lines.map((line) => JSON.parse(line).msg)).toEqual(['sweep_failed'])
  })

  it('never writes a secret, in either format, whatever field or shape it hides in', () => {
    const leaky = {
      level: 'error',
      msg: 'sweep_failed',
      error: `Upstream said: bad key ${KEY}`,
      [`header ${KEY}`]: 'as a field name',
      nested: { base64: Buffer.from(`Bearer ${KEY}`).toString('base64'), cut: KEY.slice(3, 15) },
      encoded: encodeURIComponent(`?key=${KEY}`),
    }
    for (const format of ['json', 'pretty'] as const) {
      const { log, lines } = logger({ format })
      log(leaky)
      expect(lines).toHaveLength(1)
      expect(lines[0]).toContain('[redacted]')
      expect(lines[0]).not.toContain(KEY)
      expect(lines[0]).not.toContain(KEY.slice(3, 15))
      expect(lines[0]).not.toContain(Buffer.from(`Bearer ${KEY}`).toString('base64').slice(8))
    }
  })
})
