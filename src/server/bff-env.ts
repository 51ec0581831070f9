/** What the BFF's handlers share through Hono's context. */
export interface BffEnv {
  Variables: {
    requestId: string
    /** The status Cannon (or the simulator) answered, for the request log. */
    upstreamStatus?: number
  }
}
