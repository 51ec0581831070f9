import { onlineManager } from '@tanstack/react-query'
import { ApiError } from '@/lib/api-error'

/** Tries after the first that a transient failure gets before the record is left for Send again. */
export const MAX_RETRIES = 3
export const OFFLINE_REASON = 'No connection: it is sent when you are back online'

/** Cannon's or the studio's Retry-After when given, else 2, 4, 8 s. */
export function retryDelayMs(retry: number, error: ApiError): number {
  return error.retryAfterMs ?? Math.min(8000, 1000 * 2 ** retry)
}

function whenOnline(): Promise<void> {
  return new Promise((resolve) => {
    const unsubscribe = onlineManager.subscribe((online) => {
      if (!online) return
      unsubscribe()
      resolve()
    })
  })
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * Calls `send` until it answers, a refusal, or MAX_RETRIES transient failures; each wait is told first
 * (`waiting`: why, and when the next try is due), so the render shows Waiting with a countdown meanwhile. Time
 * offline does not count against the retries: the next try waits for the connection.
 */
export async function sendWithRetries<T>(
  send: () => Promise<T>,
  waiting: (reason: string, retryAtMs: number | undefined) => Promise<unknown>,
): Promise<T> {
  for (let retries = 0; ;) {
    try {
      return await send()
    } catch (error) {
      if (!(error instanceof ApiError) || !error.transient) throw error
      if (!onlineManager.isOnline()) {
        await waiting(OFFLINE_REASON, undefined)
        await whenOnline()
        continue
      }
      if (retries === MAX_RETRIES) throw error
      retries += 1
      const delay = retryDelayMs(retries, error)
      await waiting(error.message, Date.now() + delay)
      await sleep(delay)
    }
  }
}
