import { connect, type Socket } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { startNodeServer } from './node-server'

const closers: (() => void)[] = []
afterEach(() => closers.splice(0).forEach((close) => close()))

async function studio(options: {
  maxConnectionsPerClient?: number
  headersTimeoutMs?: number
  requestTimeoutMs?: number
}) {
  const { server, address } = await startNodeServer({
    fetch: () => new Response('ok'),
    host: '127.0.0.1',
    port: 0,
    ...options,
  })
  closers.push(() => server.close())
  return address.port
}

const open = (port: number) =>
  new Promise<Socket>((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => resolve(socket))
    socket.on('error', reject)
    closers.push(() => socket.destroy())
  })
const closedWithin = (socket: Socket, ms: number) =>
  new Promise<boolean>((resolve) => {
    const timer = setTimeout(() => resolve(false), ms)
    socket.on('close', () => (clearTimeout(timer), resolve(true)))
  })

describe('the Node server and slow clients', () => {
  it('cuts off a client that sends its request a byte at a time', async () => {
    const port = await studio({ headersTimeoutMs: 600, requestTimeoutMs: 800 })
    const socket = await open(port)
    const request = 'POST /api/v1/requests HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 100\r\n\r\n'
    let sent = 0
    const drip = setInterval(() => socket.writable && socket.write(request.charAt(sent++ % request.length)), 100)
    closers.push(() => clearInterval(drip))
    expect(await closedWithin(socket, 3_000)).toBe(true)
  })

  it('cuts off a body that never finishes', async () => {
    const port = await studio({ headersTimeoutMs: 600, requestTimeoutMs: 800 })
    const socket = await open(port)
    socket.write('POST /api/v1/requests HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 1000\r\n\r\n{')
    const drip = setInterval(() => socket.writable && socket.write(' '), 100)
    closers.push(() => clearInterval(drip))
    expect(await closedWithin(socket, 3_000)).toBe(true)
  })

  it('caps the connections one address may hold open', async () => {
    const port = await studio({ maxConnectionsPerClient: 3 })
    const held = await Promise.all([open(port), open(port), open(port)])
    const extra = await open(port)
    expect(await closedWithin(extra, 1_000)).toBe(true)
    expect(held.every((s) => !s.destroyed)).toBe(true)
    held[0]!.destroy()
    await new Promise((resolve) => setTimeout(resolve, 50))
    const again = await open(port)
    expect(await closedWithin(again, 300)).toBe(false)
  })
})
