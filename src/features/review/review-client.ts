import type { Rating } from '@/catalog/quality-contract'
import { commentListSchema, commentSchema, type Comment } from '@/catalog/review-contract'
import {
  REVIEW_API_PREFIX,
  reviewSchema,
  reviewTakeSchema,
  type Review,
  type ReviewTake,
} from '@/catalog/share-contract'

/** A link that does not open: why, in the studio's words (revoked, expired, unknown, deleted). */
export class ReviewLinkError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message)
  }
}

async function answer(response: Response): Promise<unknown> {
  const body = (await response.json().catch(() => undefined)) as { error?: { message?: string } } | undefined
  if (!response.ok) {
    const message = body?.error?.message ?? `The studio answered ${response.status}; try again shortly.`
    throw new ReviewLinkError(message, response.status)
  }
  return body
}

const apiPath = (token: string, rest = '') => `${REVIEW_API_PREFIX}${encodeURIComponent(token)}${rest}`

/** What the link shares. */
export async function fetchReview(token: string): Promise<Review> {
  return reviewSchema.parse(await answer(await fetch(apiPath(token), { headers: { accept: 'application/json' } })))
}

/** The comments on a shared take, by their moment. */
export async function sharedTakeComments(token: string, id: string): Promise<Comment[]> {
  const response = await fetch(apiPath(token, `/renders/${encodeURIComponent(id)}/comments`), {
    headers: { accept: 'application/json' },
  })
  return commentListSchema.parse(await answer(response)).comments
}

/** A reviewer's comment at a moment, under the name they typed. */
export async function commentOnSharedTake(
  token: string,
  id: string,
  comment: { atMs: number; text: string; name: string },
): Promise<Comment> {
  const response = await fetch(apiPath(token, `/renders/${encodeURIComponent(id)}/comments`), {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify(comment),
  })
  return commentSchema.parse(await answer(response))
}

/** A reviewer's pick or reject (null takes it back). */
export async function rateSharedTake(token: string, id: string, rating: Rating | null): Promise<ReviewTake> {
  const response = await fetch(apiPath(token, `/renders/${encodeURIComponent(id)}`), {
    method: 'PATCH',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ rating }),
  })
  return reviewTakeSchema.parse(await answer(response))
}
