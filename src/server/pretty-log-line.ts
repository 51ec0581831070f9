import type { LogRecord } from './logger'

/**
 * A log record as one short line for a person at a terminal: `12:03:04 POST /api/v1/requests 202 41 ms`,
 * `12:03:09 take kept f996a3fe… 149 KB`, `12:03:10 WARN take not kept f996a3fe… reason="fetch failed"`.
 */
export function formatPrettyLine(time: string, record: LogRecord): string {
  const { level, ...fields } = record
  const tag = level === 'warn' ? 'WARN ' : level === 'error' ? 'ERROR ' : ''
  return `${time} ${tag}${describe(fields)}`
}

function describe(fields: LogRecord): string {
  if (typeof fields.method === 'string' && typeof fields.route === 'string') return requestText(fields)
  if (fields.msg === 'studio_started') return startText(fields)
  const { msg, ...rest } = fields
  const what = typeof msg === 'string' ? msg.replaceAll('_', ' ') : 'event'
  return [what, ...Object.entries(rest).map(([key, value]) => fieldText(key, value))].join(' ')
}

function requestText({ method, route, status, upstreamStatus, durationMs }: LogRecord): string {
  const upstream =
    typeof upstreamStatus === 'number' && upstreamStatus !== status ? ` (upstream ${upstreamStatus})` : ''
  const ms =
    typeof durationMs === 'number' ? ` ${durationMs < 10 ? durationMs.toFixed(1) : Math.round(durationMs)} ms` : ''
  return `${String(method)} ${String(route)} ${String(status)}${upstream}${ms}`
}

function startText({ mode, url, ledger, simulatorFaults }: LogRecord): string {
  const faults = simulatorFaults ? `; simulator faults on: ${String(simulatorFaults)}` : ''
  return `Cannon Studio (${String(mode)} mode) at ${String(url)}, renders kept in ${String(ledger)}${faults}`
}

function fieldText(key: string, value: unknown): string {
  if (key === 'id' && typeof value === 'string' && value.length > 12) return `${value.slice(0, 8)}…`
  if (key === 'bytes' && typeof value === 'number') return size(value)
  const text = typeof value === 'string' ? value : JSON.stringify(value)
  return `${key}=${text === '' || /\s|"/.test(text) ? JSON.stringify(text) : text}`
}

function size(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`
  if (bytes < 1_000_000) return `${Math.round(bytes / 1000)} KB`
  return `${(bytes / 1_000_000).toFixed(1)} MB`
}
