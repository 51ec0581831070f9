/** What the BFF's handlers share through Hono's context. */
export interface BffEnv {
  Variables: {
    requestId: string
    /** The status Cannon (or the simulator) answered, for the request log. */
    upstreamStatus?: number
    /** How the request got past the access gate; unset when the studio has none ('open'). */
    signIn?: 'named' | 'shared'
    /** The name of the person whose own token (STUDIO_ACCESS_TOKENS) this request carries. */
    signedInAs?: string
  }
}

/**
 * Who a request is counted against (limits, throttles), from the request and the server's bindings (`c.env`):
 * the Node entry uses the socket address.
 */
export type ClientKey = (request: Request, env: unknown) => string
