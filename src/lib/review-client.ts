import {
  commentListSchema,
  commentSchema,
  scorecardSchema,
  type Comment,
  type NewComment,
  type Scorecard,
} from '@/catalog/review-contract'
import { call, json } from './bff-client'

/*
 * The typed client of the review routes (comments on a take, the model scorecard). Kept apart from the first
 * screen's client: it loads with the viewer's comments and the Models view.
 */

export const reviewClient = {
  /** A take's comments, by their moment in it. */
  comments: (renderId: string, signal?: AbortSignal): Promise<Comment[]> =>
    call(`/api/renders/${encodeURIComponent(renderId)}/comments`, commentListSchema, { signal }).then(
      (list) => list.comments,
    ),
  /** A comment at a moment of the take, signed with this person's name. */
  addComment: (renderId: string, comment: NewComment): Promise<Comment> =>
    call(`/api/renders/${encodeURIComponent(renderId)}/comments`, commentSchema, { method: 'POST', ...json(comment) }),
  /** Resolve, or reopen. */
  setResolved: (id: string, resolved: boolean): Promise<Comment> =>
    call(`/api/comments/${encodeURIComponent(id)}`, commentSchema, { method: 'PATCH', ...json({ resolved }) }),
  /** How each model does for this team over UTC days (`from` absent: since the first render). */
  scorecard: (range: { from?: string; to?: string }, signal?: AbortSignal): Promise<Scorecard> => {
    const params = new URLSearchParams(Object.entries(range).filter(([, v]) => v) as [string, string][])
    const query = params.toString()
    return call(`/api/models/scorecard${query ? `?${query}` : ''}`, scorecardSchema, { signal })
  },
}
