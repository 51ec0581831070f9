import { spawnSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { ConfigError, loadConfig } from './config'

const KEY = 'cs_live_config_key_77b0'

function refusal(env: Record<string, string>): string {
  try {
    loadConfig(env)
  } catch (error) {
    if (error instanceof ConfigError) return error.message
    throw error
  }
  throw new Error('the configuration was accepted')
}

describe('configuration', () => {
  it('has safe defaults', () => {
    expect(loadConfig({})).toMatchObject({
      mode: 'demo',
      host: '127.0.0.1',
      port: 3000,
      createRateLimit: { limit: 30, windowMs: 60_000 },
      trustProxy: false,
    })
    expect(loadConfig({ STUDIO_CREATE_RATE_LIMIT: '5/10s', STUDIO_TRUST_PROXY: 'true' })).toMatchObject({
      createRateLimit: { limit: 5, windowMs: 10_000 },
      trustProxy: true,
    })
  })

  it('logs at info, in the format the terminal suggests, unless LOG_LEVEL and LOG_FORMAT say otherwise', () => {
    expect(loadConfig({})).toMatchObject({ logLevel: 'info', logFormat: undefined })
    expect(loadConfig({ LOG_LEVEL: 'DEBUG', LOG_FORMAT: 'pretty' })).toMatchObject({
      logLevel: 'debug',
      logFormat: 'pretty',
    })
    expect(refusal({ LOG_LEVEL: 'verbose' })).toMatch(/LOG_LEVEL must be debug, info, warn or error/)
    expect(refusal({ LOG_FORMAT: 'text' })).toMatch(/LOG_FORMAT must be json or pretty/)
  })

  it('refuses bad values with a message naming the variable', () => {
    expect(refusal({ PORT: 'eighty' })).toMatch(/PORT must be a whole number/)
    expect(refusal({ PORT: '70000' })).toMatch(/PORT must be a whole number/)
    expect(refusal({ STUDIO_CREATE_RATE_LIMIT: 'lots' })).toMatch(/STUDIO_CREATE_RATE_LIMIT must look like/)
    expect(refusal({ STUDIO_CREATE_RATE_LIMIT: '0/60s' })).toMatch(/STUDIO_CREATE_RATE_LIMIT/)
    expect(refusal({ STUDIO_TRUST_PROXY: 'maybe' })).toMatch(/STUDIO_TRUST_PROXY/)
    expect(refusal({ CANNON_API_BASE: 'ftp://x' })).toMatch(/CANNON_API_BASE/)
    expect(refusal({ STUDIO_ACCESS_TOKEN: 'short' })).toMatch(/STUDIO_ACCESS_TOKEN must be at least 16/)
  })

  it('refuses an upstream or public URL that would send the key in clear text, or drop a path', () => {
    expect(refusal({ CANNON_API_BASE: 'http://cannon.example.com' })).toMatch(
      /CANNON_API_BASE must use https \(plain http is allowed only on loopback/,
    )
    expect(refusal({ CANNON_API_BASE: 'https://proxy.example.com/cannon' })).toMatch(
      /CANNON_API_BASE must be an origin only, with no path/,
    )
    expect(refusal({ CANNON_API_BASE: 'https://user:pw@cannon.example.com' })).toMatch(/must not carry a user name/)
    expect(refusal({ STUDIO_PUBLIC_URL: 'http://studio.example.com' })).toMatch(/STUDIO_PUBLIC_URL must use https/)
    expect(loadConfig({ CANNON_API_BASE: 'http://127.0.0.1:9000/' }).apiBase).toBe('http://127.0.0.1:9000')
    expect(loadConfig({ CANNON_API_BASE: 'http://localhost:9000' }).apiBase).toBe('http://localhost:9000')
    expect(loadConfig({ CANNON_API_BASE: 'https://www.cannonstudio.app/' }).apiBase).toBe(
      'https://www.cannonstudio.app',
    )
  })

  it('answers to loopback names, HOST, the public URL and STUDIO_ALLOWED_HOSTS', () => {
    expect(loadConfig({}).allowedHosts).toEqual(['localhost', '127.0.0.1'])
    const config = loadConfig({
      HOST: '0.0.0.0',
      STUDIO_PUBLIC_URL: 'https://studio.example.com',
      STUDIO_ALLOWED_HOSTS: 'studio.internal.example, .review.example',
    })
    expect(config.allowedHosts.sort()).toEqual(
      ['.review.example', 'localhost', 'studio.example.com', 'studio.internal.example'].sort(),
    )
    expect(refusal({ STUDIO_ALLOWED_HOSTS: 'https://x.example/' })).toMatch(/STUDIO_ALLOWED_HOSTS has "https/)
    expect(loadConfig({}).pollRateLimit).toEqual({ limit: 20, windowMs: 1_000 })
    expect(refusal({ STUDIO_POLL_RATE_LIMIT: 'fast' })).toMatch(/STUDIO_POLL_RATE_LIMIT must look like 20\/1s/)
    expect(refusal({ STUDIO_MAX_CONNECTIONS_PER_CLIENT: '0' })).toMatch(/STUDIO_MAX_CONNECTIONS_PER_CLIENT/)
  })

  it('refuses a key on a public HOST without an access token, and never prints the key', () => {
    const message = refusal({ CANNON_API_KEY: KEY, HOST: '0.0.0.0' })
    expect(message).toMatch(/STUDIO_ACCESS_TOKEN is required when CANNON_API_KEY is set and HOST \(0\.0\.0\.0\)/)
    expect(message).not.toContain(KEY)
    expect(loadConfig({ CANNON_API_KEY: KEY, HOST: '0.0.0.0', STUDIO_ACCESS_TOKEN: 'a'.repeat(16) }).mode).toBe('live')
    expect(loadConfig({ CANNON_API_KEY: KEY, HOST: '::1' }).mode).toBe('live')
  })

  it.each([
    [{ CANNON_API_KEY: KEY, HOST: '0.0.0.0', PORT: '4419' }, 'STUDIO_ACCESS_TOKEN is required'],
    [{ PORT: 'eighty' }, 'PORT must be a whole number'],
  ])(
    'stops the server process with a non-zero exit and the reason (%o)',
    (env, reason) => {
      const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
        env: { PATH: process.env.PATH, ...env },
        encoding: 'utf8',
        timeout: 20_000,
      })
      expect(result.status).toBe(1)
      expect(result.stderr).toContain(reason)
      expect(result.stderr + result.stdout).not.toContain(KEY)
    },
    30_000,
  ) // starting the server through tsx takes seconds on a busy 2-core machine
})

describe('credits and people', () => {
  it('reads named tokens and a daily credit cap', () => {
    const config = loadConfig({
      STUDIO_ACCESS_TOKENS: 'Ana Ruiz:ana-token-0123456789, ben:ben-token-0123456789',
      STUDIO_DAILY_CREDIT_CAP: '2500',
    })
    expect(config.namedTokens).toEqual([
      { name: 'Ana Ruiz', token: 'ana-token-0123456789' },
      { name: 'ben', token: 'ben-token-0123456789' },
    ])
    expect(config.dailyCreditCap).toBe(2500)
    expect(loadConfig({}).dailyCreditCap).toBeUndefined()
    expect(
      loadConfig({ CANNON_API_KEY: KEY, HOST: '0.0.0.0', STUDIO_ACCESS_TOKENS: 'ana:ana-token-0123456789' }),
    ).toBeTruthy()
  })

  it('refuses named tokens that are short, shared, repeated or badly formed, and a cap that is not a number', () => {
    expect(refusal({ STUDIO_ACCESS_TOKENS: 'ana:short' })).toMatch(/gives ana a token shorter than 16/)
    expect(refusal({ STUDIO_ACCESS_TOKENS: 'ana-token-0123456789' })).toMatch(/must look like ana:token/)
    expect(refusal({ STUDIO_ACCESS_TOKENS: '<b>:ana-token-0123456789' })).toMatch(/must look like ana:token/)
    expect(refusal({ STUDIO_ACCESS_TOKENS: 'ana:ana-token-0123456789,ana:ana-token-9876543210' })).toMatch(
      /names ana twice/,
    )
    expect(refusal({ STUDIO_ACCESS_TOKENS: 'ana:same-token-0123456789,ben:same-token-0123456789' })).toMatch(
      /the same token/,
    )
    expect(
      refusal({ STUDIO_ACCESS_TOKEN: 'same-token-0123456789', STUDIO_ACCESS_TOKENS: 'ana:same-token-0123456789' }),
    ).toMatch(/shared STUDIO_ACCESS_TOKEN/)
    expect(refusal({ STUDIO_DAILY_CREDIT_CAP: 'lots' })).toMatch(/STUDIO_DAILY_CREDIT_CAP must be a number/)
    expect(refusal({ STUDIO_DAILY_CREDIT_CAP: '0' })).toMatch(/STUDIO_DAILY_CREDIT_CAP must be above 0/)
  })
})
