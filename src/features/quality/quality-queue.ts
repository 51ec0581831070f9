/*
 * Which takes are being checked: at most two at once, each started when the browser is idle, and only while
 * something still wants it (its card or viewer on screen). A take is tried once per page load.
 */

export type CheckJob = (signal: AbortSignal) => Promise<void>

const AT_ONCE = 2
const IDLE_TIMEOUT_MS = 2_000
/** Idle time a frame read needs, and how long a check waits for that much before going ahead anyway. */
const MIN_IDLE_MS = 8
const MAX_IDLE_WAIT_MS = 10_000
/**
 * How long after the last scroll a check waits. Decoding a seek takes a core, and on a two-core machine a scroll
 * needs both; so checks hold still while the creative scrolls, not only while the main thread is busy.
 */
const SCROLL_QUIET_MS = 500

let lastScrollMs = Number.NEGATIVE_INFINITY
if (typeof window !== 'undefined') {
  // Scroll events do not bubble, but a capturing listener on the window hears every scrolling element's.
  window.addEventListener('scroll', () => (lastScrollMs = performance.now()), { capture: true, passive: true })
}

const wanted = new Map<string, CheckJob>()
/** How many cards or viewers want each take checked: the last to go away stops its check. */
const wants = new Map<string, number>()
const running = new Map<string, AbortController>()
const tried = new Set<string>()
let starting = false

const whenIdle = (run: (deadline?: IdleDeadline) => void, timeout = IDLE_TIMEOUT_MS) =>
  typeof requestIdleCallback === 'function' ? requestIdleCallback(run, { timeout }) : setTimeout(run, 200)

/**
 * Resolves in the browser's next idle moment once the page has stopped scrolling: a check reads each frame in one,
 * so that while the page scrolls the checks wait rather than take frames from it.
 */
export const nextIdle = (): Promise<void> =>
  new Promise((resolve) => {
    const started = Date.now()
    const wait = () =>
      whenIdle((deadline?: IdleDeadline) => {
        // A sliver of idle time between two scrolled frames is not enough to read a frame in: wait for a longer one.
        const roomy = !deadline || deadline.didTimeout || deadline.timeRemaining() >= MIN_IDLE_MS
        const still = performance.now() - lastScrollMs >= SCROLL_QUIET_MS
        if ((roomy && still) || Date.now() - started >= MAX_IDLE_WAIT_MS) resolve()
        else wait()
      }, MAX_IDLE_WAIT_MS)
    wait()
  })

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

/**
 * Asks for `id` to be checked; the returned function withdraws the ask. When nothing wants the take any more, a
 * check not started yet is dropped and a running one is stopped (and may run again when the take is next shown).
 */
export function wantCheck(id: string, job: CheckJob): () => void {
  wants.set(id, (wants.get(id) ?? 0) + 1)
  if (!tried.has(id) && !running.has(id)) {
    wanted.set(id, job)
    startNext()
  }
  let withdrawn = false
  return () => {
    if (withdrawn) return
    withdrawn = true
    const left = (wants.get(id) ?? 1) - 1
    if (left > 0) {
      wants.set(id, left)
      return
    }
    wants.delete(id)
    wanted.delete(id)
    const controller = running.get(id)
    if (controller) {
      controller.abort()
      tried.delete(id)
    }
  }
}

/** For tests: how many checks run and wait. */
export const queueState = () => ({ running: running.size, waiting: wanted.size })
