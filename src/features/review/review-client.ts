import type { Rating } from '@/catalog/quality-contract'
import { commentListSchema, commentSchema, type Comment } from '@/catalog/review-contract'
import {
  REVIEW_API_PREFIX,
  reviewSchema,
  reviewTakeSchema,
  type Review,
  type ReviewTake,
} from '@/catalog/share-contract'
import { call, json } from '@/lib/bff-client'

const anonymous = { anonymous: true }
const apiPath = (token: string, rest = '') => `${REVIEW_API_PREFIX}${encodeURIComponent(token)}${rest}`
const takePath = (token: string, id: string, rest = '') => apiPath(token, `/renders/${encodeURIComponent(id)}${rest}`)

/** What the link shares; a link that does not open says why (revoked, expired, unknown, deleted). */
export const fetchReview = (token: string): Promise<Review> => call(apiPath(token), reviewSchema, undefined, anonymous)

/** The comments on a shared take, by their moment. */
export async function sharedTakeComments(token: string, id: string): Promise<Comment[]> {
  return (await call(takePath(token, id, '/comments'), commentListSchema, undefined, anonymous)).comments
}

/** A reviewer's comment at a moment, under the name they typed. */
export const commentOnSharedTake = (
  token: string,
  id: string,
  comment: { atMs: number; text: string; name: string },
): Promise<Comment> =>
  call(takePath(token, id, '/comments'), commentSchema, { method: 'POST', ...json(comment) }, anonymous)

/** A reviewer's pick or reject (null takes it back). */
export const rateSharedTake = (token: string, id: string, rating: Rating | null): Promise<ReviewTake> =>
  call(takePath(token, id), reviewTakeSchema, { method: 'PATCH', ...json({ rating }) }, anonymous)
