import { serve } from '@hono/node-server'
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface NodeServerOptions {
  fetch: (request: Request) => Response | Promise<Response>
  host: string
  port: number
  /** Open connections one address may hold; unlimited when undefined (behind a trusted proxy, all share one). */
  maxConnectionsPerClient?: number
  /** Headers must arrive within this, the whole request within `requestTimeoutMs`: a slow sender is cut off. */
  headersTimeoutMs?: number
  requestTimeoutMs?: number
}

export const SLOW_CLIENT_LIMITS = { headersTimeoutMs: 20_000, requestTimeoutMs: 30_000 }

/**
 * The studio's HTTP server. Node's defaults let a client that sends one byte a second hold a socket for five
 * minutes; these limits cut a slow sender off within the timeouts (checked every second) and cap how many
 * sockets one address may keep open.
 */
export function startNodeServer(options: NodeServerOptions): Promise<{ server: Server; address: AddressInfo }> {
  const { headersTimeoutMs, requestTimeoutMs } = { ...SLOW_CLIENT_LIMITS, ...options }
  return new Promise((resolve) => {
    const server = serve(
      {
        fetch: options.fetch,
        hostname: options.host,
        port: options.port,
        serverOptions: {
          headersTimeout: headersTimeoutMs,
          requestTimeout: requestTimeoutMs,
          connectionsCheckingInterval: Math.min(1_000, headersTimeoutMs),
          keepAliveTimeout: 5_000,
        },
      },
      (address) => resolve({ server: server as Server, address }),
    ) as Server
    const cap = options.maxConnectionsPerClient
    if (cap === undefined) return
    const open = new Map<string, number>()
    server.on('connection', (socket) => {
      const address = socket.remoteAddress ?? 'unknown'
      const count = (open.get(address) ?? 0) + 1
      if (count > cap) {
        socket.destroy()
        return
      }
      open.set(address, count)
      socket.once('close', () => {
        const left = (open.get(address) ?? 1) - 1
        if (left === 0) open.delete(address)
        else open.set(address, left)
      })
    })
  })
}
