import { z } from 'zod/mini'

/** GET /api/news?since=<ms>: what reached the team's record since a person last looked. */
export const newsSchema = z.object({
  sinceMs: z.number(),
  /** Renders that ended (succeeded or failed) since then. */
  finished: z.number(),
  failed: z.number(),
  /** The newest of them, to open straight from the notice. */
  latest: z.array(
    z.object({ id: z.string(), prompt: z.string(), model: z.string(), status: z.string(), completedAtMs: z.number() }),
  ),
  /** Comments the team (or a review link) wrote since then, leaving out the asker's own. */
  comments: z.number(),
  latestComments: z.array(
    z.object({
      id: z.string(),
      renderId: z.string(),
      prompt: z.string(),
      author: z.nullable(z.string()),
      /** The start of the comment, at most NEWS_COMMENT_CHARS characters. */
      text: z.string(),
      atMs: z.number(),
      createdAtMs: z.number(),
    }),
  ),
})
export type News = z.infer<typeof newsSchema>

export const NEWS_LATEST = 5
export const NEWS_COMMENT_CHARS = 140
