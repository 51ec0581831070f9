/*
 * Which takes are being checked: at most two at once, each started when the browser is idle, and only while
 * something still wants it (its card or viewer on screen). A take is tried once per page load.
 */

export type CheckJob = (signal: AbortSignal) => Promise<void>

const AT_ONCE = 2
const IDLE_TIMEOUT_MS = 2_000

const wanted = new Map<string, CheckJob>()
const running = new Map<string, AbortController>()
const tried = new Set<string>()
let starting = false

const whenIdle = (run: () => void, timeout = IDLE_TIMEOUT_MS) =>
  typeof requestIdleCallback === 'function' ? requestIdleCallback(run, { timeout }) : setTimeout(run, 200)

/**
 * Resolves in the browser's next idle moment: a check reads each frame in one, so that while the page scrolls
 * (and has no idle time) the checks wait rather than take frames from it.
 */
export const nextIdle = (): Promise<void> => new Promise((resolve) => whenIdle(() => resolve(), 10_000))

function startNext() {
  if (starting || running.size >= AT_ONCE || wanted.size === 0) return
  starting = true
  whenIdle(() => {
    starting = false
    const next = wanted.entries().next()
    if (next.done || running.size >= AT_ONCE) return
    const [id, job] = next.value
    wanted.delete(id)
    tried.add(id)
    const controller = new AbortController()
    running.set(id, controller)
    void job(controller.signal)
      .catch(() => undefined)
      .finally(() => {
        running.delete(id)
        startNext()
      })
    startNext()
  })
}

/** Asks for `id` to be checked; the returned function withdraws the ask (a check not started yet is dropped). */
export function wantCheck(id: string, job: CheckJob): () => void {
  if (tried.has(id) || running.has(id)) return () => undefined
  wanted.set(id, job)
  startNext()
  return () => {
    if (wanted.get(id) === job) wanted.delete(id)
  }
}

/** For tests: how many checks run and wait. */
export const queueState = () => ({ running: running.size, waiting: wanted.size })
