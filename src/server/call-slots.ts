/**
 * At most `max` upstream calls at once; the rest wait in line, and the wait counts against each call's own
 * deadline: a call still waiting when its time is up gives up (the caller answers 504) instead of queueing on.
 */
export interface CallSlots {
  /** Resolves with a release function, or with undefined when the deadline (performance.now() ms) passed first. */
  acquire(deadline: number): Promise<(() => void) | undefined>
  readonly waiting: number
}

/** A call granted a slot with less time than this left would only time out upstream: the slot goes on instead. */
const MIN_CALL_MS = 50

export function createCallSlots(max: number): CallSlots {
  let inUse = 0
  const line: { grant: () => void }[] = []
  const release = () => {
    const next = line.shift()
    if (next) next.grant()
    else inUse--
  }
  return {
    get waiting() {
      return line.length
    },
    acquire(deadline) {
      if (inUse < max) {
        inUse++
        return Promise.resolve(release)
      }
      return new Promise((resolve) => {
        const entry = {
          grant: () => {
            clearTimeout(timer)
            if (deadline - performance.now() >= MIN_CALL_MS) return resolve(release)
            resolve(undefined)
            release()
          },
        }
        const timer = setTimeout(
          () => {
            line.splice(line.indexOf(entry), 1)
            resolve(undefined)
          },
          Math.max(0, deadline - performance.now()),
        )
        line.push(entry)
      })
    },
  }
}
