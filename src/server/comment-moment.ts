import { COMMENT_END_SLACK_MS } from '@/catalog/review-contract'
import { MAX_TAKE_MS } from '@/catalog/quality-contract'
import type { Render } from '@/catalog/render-contract'

/** The latest moment a comment can sit at: the take's length as it says it, else as asked, else any take's. */
function lastMomentMs(render: Render): number {
  const seconds = render.output?.duration ?? (typeof render.input.duration === 'number' ? render.input.duration : null)
  return seconds === null ? MAX_TAKE_MS : Math.round(seconds * 1000) + COMMENT_END_SLACK_MS
}

const clock = (ms: number) => `${Math.floor(ms / 60_000)}:${((ms % 60_000) / 1000).toFixed(1).padStart(4, '0')}`

/** Why a comment cannot sit at `atMs` on this take, or undefined when it can. */
export function pastTakeEnd(render: Render, atMs: number): string | undefined {
  const last = lastMomentMs(render)
  return atMs > last ? `atMs is past the take's end (${clock(last)})` : undefined
}
