/*
 * Request and reply with a module worker: the page side numbers each call and settles it with its reply; the
 * worker side answers each request with its result or the error it met. Either side may hand over buffers or
 * frames (`transfer`) rather than copy them.
 */

interface Call<Request> {
  id: number
  request: Request
}
type Reply<Result> = { id: number; result: Result } | { id: number; error: string }

/** The page's end: `call` sends a request; a worker that breaks, or `close`, rejects every call still waiting. */
export function workerCalls<Request, Result>(worker: Worker, brokenMessage: string) {
  let nextId = 0
  const waiting = new Map<number, { resolve: (result: Result) => void; reject: (error: Error) => void }>()
  const rejectAll = (message: string) => {
    for (const pending of waiting.values()) pending.reject(new Error(message))
    waiting.clear()
  }
  worker.addEventListener('message', (event: MessageEvent<Reply<Result>>) => {
    const reply = event.data
    const pending = waiting.get(reply.id)
    waiting.delete(reply.id)
    if ('result' in reply) pending?.resolve(reply.result)
    else pending?.reject(new Error(reply.error))
  })
  worker.addEventListener('error', () => rejectAll(brokenMessage))
  return {
    call: (request: Request, transfer: Transferable[] = []) =>
      new Promise<Result>((resolve, reject) => {
        const id = nextId++
        waiting.set(id, { resolve, reject })
        const message: Call<Request> = { id, request }
        worker.postMessage(message, transfer)
      }),
    close: (message: string) => {
      worker.terminate()
      rejectAll(message)
    },
  }
}

/** The worker's end: answers each request with `handle`'s result, handing over what `transferOf` names. */
export function answerCalls<Request, Result>(
  handle: (request: Request) => Result,
  failure: string,
  transferOf: (result: Result) => Transferable[] = () => [],
) {
  self.addEventListener('message', (event: MessageEvent<Call<Request>>) => {
    const { id, request } = event.data
    let reply: Reply<Result>
    try {
      reply = { id, result: handle(request) }
    } catch (error) {
      reply = { id, error: error instanceof Error ? error.message : failure }
    }
    self.postMessage(reply, { transfer: 'result' in reply ? transferOf(reply.result) : [] })
  })
}
