import { Hono } from 'hono'
import { expect, it } from 'vitest'
import type { BffEnv } from './bff-env'
import type { LogRecord } from './logger'
import { requestLog } from './request-log'

function app() {
  const records: LogRecord[] = []
  const hono = new Hono<BffEnv>()
  hono.use(
    '/api/*',
    requestLog((record) => records.push(record)),
  )
  hono.get('/api/v1/requests/:id', (c) => c.body(null, Number(c.req.param('id')) as 200))
  hono.post('/api/v1/requests', (c) => c.json({}, 202))
  const call = (path: string, method = 'GET') => hono.fetch(new Request(`http://studio.test${path}`, { method }))
  return { call, records }
}

it('puts answered polls at debug, server errors at error and the rest at info', async () => {
  const { call, records } = app()
  for (const status of [200, 304, 404, 429, 503]) await call(`/api/v1/requests/${status}`)
  await call('/api/v1/requests', 'POST')
  expect(records.map((r) => [r.method, r.status, r.level])).toEqual([
    ['GET', 200, 'debug'],
    ['GET', 304, 'debug'],
    ['GET', 404, 'info'],
    ['GET', 429, 'info'],
    ['GET', 503, 'error'],
    ['POST', 202, 'info'],
  ])
  expect(records[0]).toMatchObject({
    route: '/api/v1/requests/:id',
    upstreamStatus: null,
    requestId: expect.any(String),
  })
})
