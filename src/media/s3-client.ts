import { AwsClient } from 'aws4fetch'
import { MediaStoreUnavailable } from './media-errors'

export interface S3Connection {
  /**
   * Origin of the S3 API, e.g. https://s3.eu-west-1.amazonaws.com, https://<account>.r2.cloudflarestorage.com,
   * https://storage.googleapis.com, http://127.0.0.1:9000 (MinIO).
   */
  endpoint: string
  bucket: string
  /** The bucket's region; "auto" for R2, anything for MinIO (e.g. us-east-1). */
  region: string
  accessKeyId: string
  secretAccessKey: string
  sessionToken?: string
  /** One attempt's time limit (default 5 minutes: a 100 MB upload on a slow link). */
  timeoutMs?: number
  /** Attempts after the first for network errors, 429 and 5xx (default 2). */
  retries?: number
  /**
   * Address objects as `${endpoint}/${bucket}/key` (true) or `${bucket}.${endpoint host}/key` (false). Default:
   * virtual-hosted on amazonaws.com for DNS-safe bucket names (AWS's preferred form), path-style elsewhere (MinIO,
   * R2, GCS and others all accept it).
   */
  pathStyle?: boolean
  fetch?: typeof fetch
  /** The signing clock (tests). */
  now?: () => Date
}

export interface S3Request {
  method: 'GET' | 'HEAD' | 'PUT' | 'DELETE'
  key: string
  headers?: Record<string, string>
  /** A fresh body per attempt (a Blob over the temporary file re-reads it). */
  body?: () => Promise<Blob>
  signal?: AbortSignal
}

const RETRYABLE = (status: number) => status === 429 || status >= 500

/**
 * A small S3 client on aws4fetch (SigV4 over fetch): signs each request, retries what is worth retrying with
 * backoff, and turns failures into MediaStoreUnavailable with S3's error code (never a credential).
 */
export function createS3Client(connection: S3Connection) {
  const { endpoint, bucket, region, timeoutMs = 300_000, retries = 2 } = connection
  const doFetch = connection.fetch ?? fetch
  const aws = new AwsClient({
    accessKeyId: connection.accessKeyId,
    secretAccessKey: connection.secretAccessKey,
    sessionToken: connection.sessionToken,
    service: 's3',
    region,
    retries: 0,
  })
  const origin = new URL(endpoint)
  const virtualHosted =
    connection.pathStyle === undefined
      ? /(^|\.)amazonaws\.com$/.test(origin.hostname) && /^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$/.test(bucket)
      : !connection.pathStyle
  const base = virtualHosted
    ? `${origin.protocol}//${bucket}.${origin.host}/`
    : `${origin.origin}/${encodeURIComponent(bucket)}/`
  const signing = () => ({ ...(connection.now ? { datetime: amzDate(connection.now()) } : {}) })
  const objectUrl = (key: string) => base + key.split('/').map(encodeURIComponent).join('/')

  async function send(request: S3Request): Promise<Response> {
    let lastError: unknown
    for (let attempt = 0; attempt <= retries; attempt++) {
      if (attempt > 0) await new Promise((done) => setTimeout(done, 100 * 2 ** attempt * (0.5 + Math.random())))
      const timeout = AbortSignal.timeout(timeoutMs)
      const signal = request.signal ? AbortSignal.any([request.signal, timeout]) : timeout
      try {
        const body = request.body ? await request.body() : undefined
        const signed = await aws.sign(objectUrl(request.key), {
          method: request.method,
          headers: request.headers,
          body,
          aws: signing(),
        })
        const response = await doFetch(signed, { signal })
        if (!RETRYABLE(response.status) || attempt === retries) return response
        lastError = new Error(`S3 answered ${response.status}`)
        await response.body?.cancel()
      } catch (error) {
        if (request.signal?.aborted) throw request.signal.reason
        lastError = error
      }
    }
    throw new MediaStoreUnavailable(`The media bucket could not be reached: ${describe(lastError)}`, {
      cause: lastError,
    })
  }

  /** A presigned GET of the object, valid for `expiresSeconds` (SigV4 allows at most 7 days). */
  async function presignGet(key: string, expiresSeconds: number): Promise<string> {
    const url = new URL(objectUrl(key))
    url.searchParams.set('X-Amz-Expires', String(Math.min(Math.max(1, Math.floor(expiresSeconds)), 604_800)))
    const signed = await aws.sign(url.href, { method: 'GET', aws: { signQuery: true, ...signing() } })
    return signed.url
  }

  return { send, presignGet, objectUrl }
}

export type S3Client = ReturnType<typeof createS3Client>

/** SigV4's timestamp form: 20130524T000000Z. */
const amzDate = (date: Date) => date.toISOString().replace(/[:-]|\.\d{3}/g, '')

function describe(error: unknown): string {
  if (!(error instanceof Error)) return 'unknown error'
  const cause = (error as { cause?: { code?: unknown; message?: unknown } }).cause
  const detail = typeof cause?.code === 'string' ? cause.code : typeof cause?.message === 'string' ? cause.message : ''
  return detail ? `${error.message} (${detail})` : error.message
}

/** S3's own error code from an error response (`<Code>AccessDenied</Code>`), for messages and logs. */
export async function s3Failure(response: Response, what: string): Promise<MediaStoreUnavailable> {
  const text = await response.text().catch(() => '')
  const code = /<Code>([^<]{1,64})<\/Code>/.exec(text)?.[1]
  return new MediaStoreUnavailable(`The media bucket refused to ${what}: ${response.status}${code ? ` ${code}` : ''}`)
}
