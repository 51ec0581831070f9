import { formatPrettyLine } from './pretty-log-line'
import { createSecretScrubber } from './secret-scrubber'

export const LOG_LEVELS = ['debug', 'info', 'warn', 'error'] as const
export type LogLevel = (typeof LOG_LEVELS)[number]
export const LOG_FORMATS = ['json', 'pretty'] as const
export type LogFormat = (typeof LOG_FORMATS)[number]

/** One thing that happened: `msg` (or a request's method, route and status) and its fields; `level` is info unless given. */
export type LogRecord = Record<string, unknown>
export type Log = (record: LogRecord) => void

export interface LoggerOptions {
  write: (line: string) => void
  /** `json`, one object a line, for machines (the default); `pretty`, one short line, for a person at a terminal. */
  format?: LogFormat
  /** The least level written; `info` by default, which leaves out successful polls. */
  level?: LogLevel
  /** Text that must never reach a log line (the API key, the access token…), in any of its likely shapes. */
  secrets?: readonly (string | undefined)[]
}

const levelOf = (record: LogRecord): LogLevel =>
  LOG_LEVELS.includes(record.level as LogLevel) ? (record.level as LogLevel) : 'info'

/** The studio's log: filters by level, scrubs every field of every line, then writes it as JSON or for a person. */
export function createLogger({ write, format = 'json', level = 'info', secrets = [] }: LoggerOptions): Log {
  const least = LOG_LEVELS.indexOf(level)
  const scrubber = createSecretScrubber(secrets)
  const clock = lineClock()
  return (record) => {
    const recordLevel = levelOf(record)
    if (LOG_LEVELS.indexOf(recordLevel) < least) return
    const { level: _, ...rest } = record
    const fields = scrubber.value({ level: recordLevel, ...rest })
    const now = Date.now()
    write(
      format === 'pretty'
        ? formatPrettyLine(clock.local(now), fields)
        : JSON.stringify({ time: clock.iso(now), ...fields }),
    )
  }
}

// Formatting a date per line shows in a poll's profile, and many lines share a millisecond.
function lineClock() {
  let isoMs = -1
  let isoText = ''
  let localSecond = -1
  let localText = ''
  return {
    iso(ms: number) {
      if (ms !== isoMs) [isoMs, isoText] = [ms, new Date(ms).toISOString()]
      return isoText
    },
    local(ms: number) {
      const second = Math.floor(ms / 1000)
      if (second !== localSecond) [localSecond, localText] = [second, new Date(ms).toTimeString().slice(0, 8)]
      return localText
    },
  }
}
