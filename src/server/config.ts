import { z } from 'zod'

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '::1', '[::1]'])

const RATE_LIMIT = /^(\d+)\/(\d+)s$/

function parseRateLimit(text: string): RateLimitConfig {
  const [, limit, seconds] = RATE_LIMIT.exec(text)!
  return { limit: Number(limit), windowMs: Number(seconds) * 1000 }
}

/** Unset and empty variables are the same thing to a shell user. */
const optionalText = z.preprocess((v) => (v === '' ? undefined : v), z.string().trim().min(1).optional())

const envSchema = z
  .object({
    CANNON_API_KEY: optionalText,
    CANNON_API_BASE: z.preprocess(
      (v) => (v === '' ? undefined : v),
      z
        .url({
          protocol: /^https?$/,
          error: 'CANNON_API_BASE must be an http(s) origin, e.g. https://www.cannonstudio.app',
        })
        .default('https://www.cannonstudio.app')
        .transform((v) => v.replace(/\/+$/, '')),
    ),
    STUDIO_ACCESS_TOKEN: z.preprocess(
      (v) => (v === '' ? undefined : v),
      z.string().min(16, 'STUDIO_ACCESS_TOKEN must be at least 16 characters').optional(),
    ),
    STUDIO_CATALOG_FILE: optionalText,
    HOST: z.preprocess((v) => (v === '' ? undefined : v), z.string().default('127.0.0.1')),
    STUDIO_CREATE_RATE_LIMIT: z.preprocess(
      (v) => (v === '' || v === undefined ? '30/60s' : v),
      z
        .string()
        .regex(RATE_LIMIT, 'STUDIO_CREATE_RATE_LIMIT must look like 30/60s (creates per window, in seconds)')
        .transform(parseRateLimit)
        .refine((r) => r.limit > 0 && r.windowMs > 0, 'STUDIO_CREATE_RATE_LIMIT must allow at least 1 per 1s'),
    ),
    STUDIO_TRUST_PROXY: z.preprocess(
      (v) => (v === '' || v === undefined ? 'false' : v),
      z.enum(['true', 'false', '1', '0'], { error: 'STUDIO_TRUST_PROXY must be true or false' }),
    ),
    PORT: z.preprocess(
      (v) => (v === '' || v === undefined ? '3000' : v),
      z
        .string()
        .regex(/^\d+$/, 'PORT must be a whole number from 0 to 65535')
        .transform(Number)
        .refine((n) => n <= 65535, 'PORT must be a whole number from 0 to 65535'),
    ),
  })
  .superRefine((env, ctx) => {
    if (env.CANNON_API_KEY && !env.STUDIO_ACCESS_TOKEN && !LOOPBACK_HOSTS.has(env.HOST)) {
      ctx.addIssue({
        code: 'custom',
        path: ['STUDIO_ACCESS_TOKEN'],
        message: `STUDIO_ACCESS_TOKEN is required when CANNON_API_KEY is set and HOST (${env.HOST}) is not loopback`,
      })
    }
  })

export interface RateLimitConfig {
  limit: number
  windowMs: number
}

export interface ServerConfig {
  mode: 'demo' | 'live'
  apiKey?: string
  apiBase: string
  accessToken?: string
  catalogFile?: string
  createRateLimit: RateLimitConfig
  /** Behind a reverse proxy: take the client address from the last X-Forwarded-For hop. */
  trustProxy: boolean
  host: string
  port: number
}

export class ConfigError extends Error {}

/** Parses the environment once at start; a bad value throws a ConfigError naming the variable. */
export function loadConfig(env: Record<string, string | undefined>): ServerConfig {
  const parsed = envSchema.safeParse(env)
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `- ${i.path.join('.') || 'environment'}: ${i.message}`)
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`)
  }
  const e = parsed.data
  return {
    mode: e.CANNON_API_KEY ? 'live' : 'demo',
    apiKey: e.CANNON_API_KEY,
    apiBase: e.CANNON_API_BASE,
    accessToken: e.STUDIO_ACCESS_TOKEN,
    catalogFile: e.STUDIO_CATALOG_FILE,
    createRateLimit: e.STUDIO_CREATE_RATE_LIMIT,
    trustProxy: e.STUDIO_TRUST_PROXY === 'true' || e.STUDIO_TRUST_PROXY === '1',
    host: e.HOST,
    port: e.PORT,
  }
}
