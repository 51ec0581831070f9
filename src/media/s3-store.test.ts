import { mkdtemp, rm } from 'node:fs/promises'
import { createServer } from 'node:net'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { MediaStoreUnavailable } from './media-errors'
import { createS3Client } from './s3-client'
import { openS3Store, type S3StoreOptions } from './s3-store'
import { fixture, streamOf } from './test-samples'
import { S3RVER_KEYS, startS3rver } from './test-s3'
import { listFiles } from './test-stores'

describe('S3 signing', () => {
  it('presigns a GET exactly as AWS documents it (SigV4 query-string example)', async () => {
    const s3 = createS3Client({
      endpoint: 'https://s3.amazonaws.com',
      bucket: 'examplebucket',
      region: 'us-east-1',
      accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
      secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
      now: () => new Date('2013-05-24T00:00:00Z'),
    })
    const url = new URL(await s3.presignGet('test.txt', 86400))
    expect(url.origin + url.pathname).toBe('https://examplebucket.s3.amazonaws.com/test.txt')
    expect(Object.fromEntries(url.searchParams)).toEqual({
      'X-Amz-Algorithm': 'AWS4-HMAC-SHA256',
      'X-Amz-Credential': 'AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request',
      'X-Amz-Date': '20130524T000000Z',
      'X-Amz-Expires': '86400',
      'X-Amz-SignedHeaders': 'host',
      'X-Amz-Signature': 'aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404',
    })
  })

  it('addresses objects path-style off AWS (MinIO, R2, GCS) and for bucket names with dots', () => {
    const keys = { region: 'auto', accessKeyId: 'k', secretAccessKey: 's' }
    expect(
      createS3Client({ endpoint: 'https://acc.r2.cloudflarestorage.com', bucket: 'studio', ...keys }).objectUrl(
        'a.png',
      ),
    ).toBe('https://acc.r2.cloudflarestorage.com/studio/a.png')
    expect(
      createS3Client({ endpoint: 'https://s3.eu-west-1.amazonaws.com', bucket: 'my.bucket', ...keys }).objectUrl(
        'a.png',
      ),
    ).toBe('https://s3.eu-west-1.amazonaws.com/my.bucket/a.png')
    expect(
      createS3Client({ endpoint: 'https://s3.eu-west-1.amazonaws.com', bucket: 'studio', ...keys }).objectUrl(
        'm/a.png',
      ),
    ).toBe('https://studio.s3.eu-west-1.amazonaws.com/m/a.png')
  })
})

describe('the S3 store against s3rver', () => {
  let server: Awaited<ReturnType<typeof startS3rver>>
  let tmpDir: string
  beforeAll(async () => {
    server = await startS3rver('studio-media')
    tmpDir = await mkdtemp(join(tmpdir(), 's3-store-'))
  })
  afterAll(async () => {
    await server.stop()
    await rm(tmpDir, { recursive: true, force: true })
  })
  const open = (options: Partial<S3StoreOptions> = {}) =>
    openS3Store({
      endpoint: server.endpoint,
      bucket: 'studio-media',
      region: 'us-east-1',
      ...S3RVER_KEYS,
      tmpDir,
      ...options,
    })

  it('stores objects with their type and immutable caching, and a public-bucket URL serves them', async () => {
    const store = await open({ publicUrl: `${server.endpoint}/studio-media`, prefix: 'media/' })
    const stored = await store.put(streamOf(fixture('image.jpg')))
    const url = await store.urlFor(stored.name)
    expect(url).toBe(`${server.endpoint}/studio-media/media/${stored.name}`)
    const response = await fetch(url)
    expect(response.headers.get('content-type')).toBe('image/jpeg')
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(fixture('image.jpg'))
  })

  it('a presigned GET serves a byte range too (what a player seeking in a take asks)', async () => {
    const store = await open()
    const stored = await store.put(streamOf(fixture('video.webm')))
    const response = await fetch(await store.urlFor(stored.name), { headers: { range: 'bytes=0-3' } })
    expect(response.status).toBe(206)
    expect([...new Uint8Array(await response.arrayBuffer())]).toEqual([0x1a, 0x45, 0xdf, 0xa3])
  })

  it('fails with MediaStoreUnavailable when the bucket refuses, keeping no temporary file', async () => {
    const store = await open({ bucket: 'no-such-bucket', retries: 0 })
    const failure = await store.put(streamOf(fixture('image.png'))).catch((e: unknown) => e)
    expect(failure).toBeInstanceOf(MediaStoreUnavailable)
    expect((failure as Error).message).toMatch(/^The media bucket refused to store the file: 404 NoSuchBucket$/)
    expect(await listFiles(tmpDir)).toEqual([])
  })

  it('fails with MediaStoreUnavailable when S3 cannot be reached, after its retries', async () => {
    const closed = createServer()
    await new Promise<void>((done) => closed.listen(0, '127.0.0.1', done))
    const { port } = closed.address() as AddressInfo
    await new Promise((done) => closed.close(done))
    const store = await open({ endpoint: `http://127.0.0.1:${port}`, retries: 1 })
    await expect(store.stat(`${'a'.repeat(64)}.png`)).rejects.toThrow(
      /^The media bucket could not be reached: fetch failed \(ECONNREFUSED\)$/,
    )
  })
})
