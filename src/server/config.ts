import { fileURLToPath } from 'node:url'
import { resolve } from 'node:path'
import { z } from 'zod'
import { isLoopbackHost, parseHostList } from './host-policy'
import { namedTokens, type NamedToken } from './named-tokens'

export type { NamedToken }
import { LOG_FORMATS, LOG_LEVELS, type LogFormat, type LogLevel } from './logger'

const RATE_LIMIT = /^(\d+)\/(\d+)s$/

function rateLimit(name: string, fallback: string) {
  return z.preprocess(
    (v) => (v === '' || v === undefined ? fallback : v),
    z
      .string()
      .regex(RATE_LIMIT, `${name} must look like ${fallback} (requests per window, in seconds)`)
      .transform((text): RateLimitConfig => {
        const [, limit, seconds] = RATE_LIMIT.exec(text)!
        return { limit: Number(limit), windowMs: Number(seconds) * 1000 }
      })
      .refine((r) => r.limit > 0 && r.windowMs > 0, `${name} must allow at least 1 per 1s`),
  )
}

/** Unset and empty variables are the same thing to a shell user. */
const blankIsUnset = (v: unknown) => (v === '' ? undefined : v)
const optionalText = z.preprocess(blankIsUnset, z.string().trim().min(1).optional())

/**
 * An origin the studio talks to or is reached at: https, or plain http only on loopback (a key or a media URL
 * must never cross a network in clear text), and nothing after the host (a path would be silently dropped).
 */
function originVariable(name: string, example: string) {
  return z.string().transform((text, ctx) => {
    const fail = (message: string) => {
      ctx.addIssue({ code: 'custom', message: `${name} ${message}` })
      return z.NEVER
    }
    if (!URL.canParse(text)) return fail(`must be an origin such as ${example}`)
    const url = new URL(text)
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return fail(`must be an https origin such as ${example}`)
    if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
      return fail(`must use https (plain http is allowed only on loopback, e.g. http://127.0.0.1:8080)`)
    }
    if (url.username || url.password) return fail('must not carry a user name or password')
    if (url.pathname !== '/' || url.search || url.hash) return fail(`must be an origin only, with no path: ${example}`)
    return url.origin
  })
}

const envSchema = z
  .object({
    CANNON_API_KEY: optionalText,
    CANNON_API_BASE: z.preprocess(
      blankIsUnset,
      originVariable('CANNON_API_BASE', 'https://www.cannonstudio.app').default('https://www.cannonstudio.app'),
    ),
    STUDIO_ACCESS_TOKEN: z.preprocess(
      blankIsUnset,
      z.string().min(16, 'STUDIO_ACCESS_TOKEN must be at least 16 characters').optional(),
    ),
    STUDIO_ACCESS_TOKENS: namedTokens,
    STUDIO_DAILY_CREDIT_CAP: z.preprocess(
      blankIsUnset,
      z
        .string()
        .regex(/^\d+(\.\d+)?$/, 'STUDIO_DAILY_CREDIT_CAP must be a number of credits, e.g. 2000')
        .transform(Number)
        .refine((n) => n > 0, 'STUDIO_DAILY_CREDIT_CAP must be above 0 (leave it unset for no cap)')
        .optional(),
    ),
    STUDIO_CATALOG_FILE: optionalText,
    STUDIO_PUBLIC_URL: z.preprocess(
      blankIsUnset,
      originVariable('STUDIO_PUBLIC_URL', 'https://studio.example.com').optional(),
    ),
    STUDIO_ALLOWED_HOSTS: z.preprocess(
      blankIsUnset,
      z
        .string()
        .optional()
        .transform((text, ctx) => {
          const parsed = parseHostList(text ?? '')
          if ('error' in parsed) {
            ctx.addIssue({ code: 'custom', message: `STUDIO_ALLOWED_HOSTS ${parsed.error}` })
            return z.NEVER
          }
          return parsed.hosts
        }),
    ),
    HOST: z.preprocess(blankIsUnset, z.string().default('127.0.0.1')),
    STUDIO_DATA_DIR: optionalText,
    DATABASE_URL: z.preprocess(
      blankIsUnset,
      z
        .string()
        .regex(
          /^postgres(ql)?:\/\/\S+$/,
          'DATABASE_URL must be a postgres:// URL (leave it unset for the embedded ledger)',
        )
        .optional(),
    ),
    STUDIO_S3_ENDPOINT: z.preprocess(
      blankIsUnset,
      originVariable('STUDIO_S3_ENDPOINT', 'https://s3.eu-west-1.amazonaws.com').optional(),
    ),
    STUDIO_S3_BUCKET: optionalText,
    STUDIO_S3_REGION: optionalText,
    STUDIO_S3_ACCESS_KEY_ID: optionalText,
    STUDIO_S3_SECRET_ACCESS_KEY: optionalText,
    STUDIO_S3_PUBLIC_URL: z.preprocess(
      blankIsUnset,
      z.url({ protocol: /^https$/, error: 'STUDIO_S3_PUBLIC_URL must be an https URL' }).optional(),
    ),
    STUDIO_KEEP_TAKES: z.preprocess(
      (v) => (v === '' || v === undefined ? 'true' : v),
      z.enum(['true', 'false', '1', '0'], { error: 'STUDIO_KEEP_TAKES must be true or false' }),
    ),
    STUDIO_CREATE_RATE_LIMIT: rateLimit('STUDIO_CREATE_RATE_LIMIT', '30/60s'),
    STUDIO_POLL_RATE_LIMIT: rateLimit('STUDIO_POLL_RATE_LIMIT', '20/1s'),
    STUDIO_MAX_CONNECTIONS_PER_CLIENT: z.preprocess(
      (v) => (v === '' || v === undefined ? '64' : v),
      z
        .string()
        .regex(/^[1-9]\d{0,5}$/, 'STUDIO_MAX_CONNECTIONS_PER_CLIENT must be a whole number from 1 to 999999')
        .transform(Number),
    ),
    STUDIO_TRUST_PROXY: z.preprocess(
      (v) => (v === '' || v === undefined ? 'false' : v),
      z.enum(['true', 'false', '1', '0'], { error: 'STUDIO_TRUST_PROXY must be true or false' }),
    ),
    LOG_FORMAT: z.preprocess(
      (v) => (typeof v === 'string' ? blankIsUnset(v.toLowerCase()) : v),
      z.enum(LOG_FORMATS, { error: 'LOG_FORMAT must be json or pretty' }).optional(),
    ),
    LOG_LEVEL: z.preprocess(
      (v) => (v === '' || v === undefined ? 'info' : typeof v === 'string' ? v.toLowerCase() : v),
      z.enum(LOG_LEVELS, { error: 'LOG_LEVEL must be debug, info, warn or error' }),
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
    const s3 = [
      env.STUDIO_S3_ENDPOINT,
      env.STUDIO_S3_BUCKET,
      env.STUDIO_S3_ACCESS_KEY_ID,
      env.STUDIO_S3_SECRET_ACCESS_KEY,
    ]
    if (s3.some(Boolean) && !s3.every(Boolean)) {
      ctx.addIssue({
        code: 'custom',
        path: ['STUDIO_S3_ENDPOINT'],
        message:
          'STUDIO_S3_ENDPOINT, STUDIO_S3_BUCKET, STUDIO_S3_ACCESS_KEY_ID and STUDIO_S3_SECRET_ACCESS_KEY go together: set all four, or none for the media folder',
      })
    }
    const gated = env.STUDIO_ACCESS_TOKEN || env.STUDIO_ACCESS_TOKENS.length > 0
    if (env.CANNON_API_KEY && !gated && !isLoopbackHost(env.HOST)) {
      ctx.addIssue({
        code: 'custom',
        path: ['STUDIO_ACCESS_TOKEN'],
        message: `STUDIO_ACCESS_TOKEN is required when CANNON_API_KEY is set and HOST (${env.HOST}) is not loopback (or give each person a token of their own in STUDIO_ACCESS_TOKENS)`,
      })
    }
    if (env.STUDIO_ACCESS_TOKENS.some((t) => t.token === env.STUDIO_ACCESS_TOKEN)) {
      ctx.addIssue({
        code: 'custom',
        path: ['STUDIO_ACCESS_TOKENS'],
        message: 'STUDIO_ACCESS_TOKENS gives someone the shared STUDIO_ACCESS_TOKEN as their own',
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
  /** STUDIO_ACCESS_TOKENS: each person's own token; their renders carry their name. */
  namedTokens: NamedToken[]
  /** STUDIO_DAILY_CREDIT_CAP: credits a UTC day may spend or hold, studio-wide; no cap when absent. */
  dailyCreditCap?: number
  catalogFile?: string
  /** The origin at which Cannon (and people) reach this studio, when it is published. */
  publicUrl?: string
  /** Host names the studio answers to, besides IP literals (see host-policy.ts). */
  allowedHosts: string[]
  createRateLimit: RateLimitConfig
  /** Reads (polls, status, lists) per client: a guard against one tab fanning out upstream calls. */
  pollRateLimit: RateLimitConfig
  /** Open connections one client address may hold; not applied behind a trusted proxy (all share its address). */
  maxConnectionsPerClient: number
  /** Behind a reverse proxy: take the client address, scheme and host from its X-Forwarded-* headers. */
  trustProxy: boolean
  host: string
  port: number
  /** Where the embedded ledger (and later the media folder) live. */
  dataDir: string
  /** A real Postgres for the ledger instead of the embedded one. */
  databaseUrl?: string
  /** S3-compatible storage for media instead of the folder under dataDir. */
  s3?: S3Config
  /** Copy every succeeded take into the media store (STUDIO_KEEP_TAKES, default true). */
  keepTakes: boolean
  /** LOG_FORMAT; unset, the log is pretty when stdout is a terminal and JSON otherwise. */
  logFormat?: LogFormat
  /** LOG_LEVEL, default info (successful polls are debug). */
  logLevel: LogLevel
}

export interface S3Config {
  endpoint: string
  bucket: string
  region: string
  accessKeyId: string
  secretAccessKey: string
  /** A public bucket's base URL: media URLs are built on it instead of presigned. */
  publicUrl?: string
}

/** `.data/` in the project: two folders up from the running server (dist/server/main.js, or src/server/ with tsx). */
const DEFAULT_DATA_DIR = fileURLToPath(new URL('../../.data', import.meta.url))

export class ConfigError extends Error {}

const WILDCARD_HOSTS = new Set(['0.0.0.0', '::', '[::]'])

/** Parses the environment once at start; a bad value throws a ConfigError naming the variable. */
export function loadConfig(env: Record<string, string | undefined>): ServerConfig {
  const parsed = envSchema.safeParse(env)
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => {
      const variable = i.path.join('.')
      return `- ${variable && !i.message.startsWith(variable) ? `${variable}: ` : ''}${i.message}`
    })
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`)
  }
  const e = parsed.data
  const allowedHosts = new Set(['localhost', ...e.STUDIO_ALLOWED_HOSTS])
  if (!WILDCARD_HOSTS.has(e.HOST)) allowedHosts.add(e.HOST.toLowerCase())
  if (e.STUDIO_PUBLIC_URL) allowedHosts.add(new URL(e.STUDIO_PUBLIC_URL).hostname)
  return {
    mode: e.CANNON_API_KEY ? 'live' : 'demo',
    apiKey: e.CANNON_API_KEY,
    apiBase: e.CANNON_API_BASE,
    accessToken: e.STUDIO_ACCESS_TOKEN,
    namedTokens: e.STUDIO_ACCESS_TOKENS,
    dailyCreditCap: e.STUDIO_DAILY_CREDIT_CAP,
    catalogFile: e.STUDIO_CATALOG_FILE,
    publicUrl: e.STUDIO_PUBLIC_URL,
    allowedHosts: [...allowedHosts],
    createRateLimit: e.STUDIO_CREATE_RATE_LIMIT,
    pollRateLimit: e.STUDIO_POLL_RATE_LIMIT,
    maxConnectionsPerClient: e.STUDIO_MAX_CONNECTIONS_PER_CLIENT,
    trustProxy: e.STUDIO_TRUST_PROXY === 'true' || e.STUDIO_TRUST_PROXY === '1',
    host: e.HOST,
    port: e.PORT,
    dataDir: e.STUDIO_DATA_DIR ? resolve(e.STUDIO_DATA_DIR) : DEFAULT_DATA_DIR,
    databaseUrl: e.DATABASE_URL,
    s3: e.STUDIO_S3_ENDPOINT
      ? {
          endpoint: e.STUDIO_S3_ENDPOINT,
          bucket: e.STUDIO_S3_BUCKET!,
          region: e.STUDIO_S3_REGION ?? 'us-east-1',
          accessKeyId: e.STUDIO_S3_ACCESS_KEY_ID!,
          secretAccessKey: e.STUDIO_S3_SECRET_ACCESS_KEY!,
          publicUrl: e.STUDIO_S3_PUBLIC_URL?.replace(/\/+$/, ''),
        }
      : undefined,
    keepTakes: e.STUDIO_KEEP_TAKES === 'true' || e.STUDIO_KEEP_TAKES === '1',
    logFormat: e.LOG_FORMAT,
    logLevel: e.LOG_LEVEL,
  }
}
