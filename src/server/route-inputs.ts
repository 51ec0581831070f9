import { bodyLimit } from 'hono/body-limit'
import { MAX_BODY_BYTES } from './create-route'
import { fail } from './errors'

/** A render id as the studio makes them (UUIDs) or imports them: checked before it reaches the ledger. */
export const RENDER_ID = /^[A-Za-z0-9_-]{1,128}$/

/** Refuses a JSON body over 64 KB with a 413 before it is read: for the routes that take small edits. */
export const smallBody = () =>
  bodyLimit({ maxSize: MAX_BODY_BYTES, onError: (c) => fail(c, 413, 'body_too_large', 'The body is over 64 KB') })
