import type { MediaSource } from './media-store'

/** The source's chunks one by one; an abort interrupts even a read that is waiting, and the source is cancelled. */
export async function* sourceChunks(source: MediaSource, signal?: AbortSignal): AsyncGenerator<Uint8Array> {
  const iterator: AsyncIterator<Uint8Array> & { return?(): Promise<unknown> } =
    'getReader' in source ? readerIterator(source.getReader()) : source[Symbol.asyncIterator]()
  let finished = false
  try {
    for (;;) {
      signal?.throwIfAborted()
      const step = await untilAborted(iterator.next(), signal)
      if (step.done) {
        finished = true
        return
      }
      yield step.value
    }
  } finally {
    // Stopped early (refused, aborted, failed): tell the source, so a request or a fetch body is not left open.
    if (!finished) await Promise.resolve(iterator.return?.()).catch(() => undefined)
  }
}

function readerIterator(reader: ReadableStreamDefaultReader<Uint8Array>) {
  return {
    next: async (): Promise<IteratorResult<Uint8Array>> => {
      const { done, value } = await reader.read()
      return done ? { done: true, value: undefined } : { done: false, value }
    },
    return: async () => {
      await reader.cancel()
      return { done: true as const, value: undefined }
    },
  }
}

function untilAborted<T>(promise: Promise<T>, signal?: AbortSignal): Promise<T> {
  if (!signal) return promise
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason)
    signal.addEventListener('abort', onAbort, { once: true })
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort)
        resolve(value)
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort)
        reject(error)
      },
    )
  })
}
