import type { HttpBindings } from '@hono/node-server'
import type { ClientKey } from './bff-env'

/** The address a request is counted against: the last proxy hop's view when behind one, else the socket's. */
export function clientAddress(trustProxy: boolean): ClientKey {
  return (request, env) => {
    const forwarded = trustProxy ? request.headers.get('x-forwarded-for')?.split(',').at(-1)?.trim() : undefined
    // No socket when not served by @hono/node-server (e.g. called as a plain fetch handler).
    return forwarded || ((env as Partial<HttpBindings> | undefined)?.incoming?.socket.remoteAddress ?? 'unknown')
  }
}
