import type { IncomingMessage } from 'node:http'
import { describe, expect, it } from 'vitest'
import { clientAddress } from './client-address'

const request = (headers: Record<string, string> = {}) => new Request('http://studio.test/api/health', { headers })
const served = (address: string) => ({ incoming: { socket: { remoteAddress: address } } as IncomingMessage })

describe('clientAddress', () => {
  it('counts a request against its socket address, whatever it says it forwards', () => {
    const key = clientAddress(false)
    expect(key(request({ 'x-forwarded-for': '203.0.113.9' }), served('198.51.100.7'))).toBe('198.51.100.7')
    expect(key(request(), undefined)).toBe('unknown')
  })

  it('behind a trusted proxy, counts it against the last hop the proxy saw', () => {
    const key = clientAddress(true)
    expect(key(request({ 'x-forwarded-for': 'spoofed, 203.0.113.9' }), served('127.0.0.1'))).toBe('203.0.113.9')
    expect(key(request(), served('127.0.0.1'))).toBe('127.0.0.1')
  })
})
