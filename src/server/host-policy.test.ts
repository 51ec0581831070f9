import { describe, expect, it } from 'vitest'
import { createHostPolicy, hostNameOf, parseHostList } from './host-policy'
import { simulatedBff } from './test-bff'

function bff(allowedHosts: string[], trustProxy = false) {
  const { app } = simulatedBff({ allowedHosts, trustProxy })
  return (host: string, headers: Record<string, string> = {}) =>
    app.fetch(new Request('http://127.0.0.1:3000/api/catalog', { headers: { host, ...headers } }))
}

describe('allowed hosts (DNS rebinding)', () => {
  it('answers 421 to a Host the studio does not know, and serves its own names and IP literals', async () => {
    const call = bff(['localhost', 'studio.example.com', '.team.example'])
    const rebound = await call('evil.example:3000')
    expect(rebound.status).toBe(421)
    expect(await rebound.json()).toEqual({
      error: {
        code: 'host_not_allowed',
        message: 'This studio does not answer to that host name. An operator can add it to STUDIO_ALLOWED_HOSTS.',
      },
    })
    for (const host of [
      'localhost:3000',
      '127.0.0.1:3000',
      '[::1]:3000',
      'studio.example.com',
      'STUDIO.example.com.',
    ]) {
      expect((await call(host)).status, host).toBe(200)
    }
    expect((await call('review.team.example')).status).toBe(200)
    expect((await call('team.example')).status).toBe(200)
    for (const host of ['localhost.evil.example', 'studio.example.com.evil.example', 'evilteam.example', 'a b']) {
      expect((await call(host)).status, host).toBe(421)
    }
  })

  it('reads X-Forwarded-Host only behind a trusted proxy', async () => {
    expect(
      (await bff(['studio.example.com'], true)('10.0.0.5:3000', { 'x-forwarded-host': 'studio.example.com' })).status,
    ).toBe(200)
    expect(
      (await bff(['studio.example.com'], true)('10.0.0.5:3000', { 'x-forwarded-host': 'evil.example' })).status,
    ).toBe(421)
    expect(
      (await bff(['studio.example.com'])('evil.example', { 'x-forwarded-host': 'studio.example.com' })).status,
    ).toBe(421)
  })

  it('parses STUDIO_ALLOWED_HOSTS and Host headers strictly', () => {
    expect(parseHostList(' Studio.Example.com, .team.example ,')).toEqual({
      hosts: ['studio.example.com', '.team.example'],
    })
    expect(parseHostList('https://studio.example.com')).toHaveProperty('error')
    expect(hostNameOf('[::1]:80')).toBe('::1')
    expect(hostNameOf('a@b.example')).toBeUndefined()
    expect(hostNameOf('b.example/x')).toBeUndefined()
    const allowed = createHostPolicy(['localhost'])
    expect(allowed('203.0.113.9')).toBe(true)
    expect(allowed('localhost')).toBe(true)
    expect(allowed('localtest.me')).toBe(false)
  })
})
