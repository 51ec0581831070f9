import { NEWS_COMMENT_CHARS, NEWS_LATEST } from '@/catalog/news-contract'
import { http, HttpResponse, type RequestHandler } from 'msw'
import type { Catalog } from '@/catalog/catalog-schema'
import { detectMode } from '@/catalog/modes'
import { commentPatchSchema, newCommentSchema, type Comment, type ScorecardRow } from '@/catalog/review-contract'
import type { Render } from '@/catalog/render-contract'
import { AUTHOR_HEADER } from '@/catalog/author-name'
import type { MemoryLedger } from './memory-ledger'

const refuse = (status: number, message: string) =>
  HttpResponse.json({ error: { code: status === 404 ? 'not_found' : 'invalid_input', message } }, { status })

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length / 2
  if (sorted.length === 0) return null
  return Math.round(Number.isInteger(mid) ? (sorted[mid - 1]! + sorted[mid]!) / 2 : sorted[Math.floor(mid)]!)
}

/** One scorecard row over renders, the plain way (the server sums in SQL). */
function score(model: string, mode: string | null, seconds: number | null, renders: Render[]): ScorecardRow {
  const count = (test: (r: Render) => boolean) => renders.filter(test).length
  const picked = renders.filter((r) => r.rating === 'pick')
  const succeeded = renders.filter((r) => r.status === 'succeeded')
  const failed = count((r) => r.status === 'failed')
  const credits = renders.reduce((sum, r) => sum + (r.billableCredits ?? 0), 0)
  const pickedSeconds = picked.reduce((sum, r) => sum + (r.output?.duration ?? Number(r.input.duration ?? 0)), 0)
  return {
    model,
    mode,
    seconds,
    renders: renders.length,
    succeeded: succeeded.length,
    failed,
    picks: picked.length,
    rejects: count((r) => r.rating === 'reject'),
    flagged: count((r) => (r.qualityFlags?.length ?? 0) > 0),
    failureRate: succeeded.length + failed ? failed / (succeeded.length + failed) : null,
    medianRenderMs: median(succeeded.map((r) => (r.completedAtMs ?? r.createdAtMs) - r.createdAtMs)),
    credits,
    creditsPerPick: picked.length ? credits / picked.length : null,
    creditsPerPickedSecond: picked.length && pickedSeconds ? credits / pickedSeconds : null,
  }
}

function groupBy(renders: Render[], key: (r: Render) => string) {
  const groups = new Map<string, Render[]>()
  for (const r of renders) groups.set(key(r), [...(groups.get(key(r)) ?? []), r])
  return [...groups].sort(([a], [b]) => (a < b ? -1 : 1))
}

/**
 * The review routes (comments on a take, the model scorecard) over the memory ledger, for component tests: the
 * same shapes and refusals as the BFF's, without its database.
 */
export function reviewHandlers(ledger: MemoryLedger, catalog: Catalog): RequestHandler[] {
  const comments: Comment[] = []
  const openCount = (renderId: string) => comments.filter((c) => c.renderId === renderId && !c.resolved).length
  const author = (request: Request) => {
    const header = request.headers.get(AUTHOR_HEADER)
    return header ? decodeURIComponent(header) : null
  }
  const modeOf = (render: Render) => {
    const model = catalog.models.find((m) => m.id === render.input.model)
    const detected = model && detectMode(model, render.input)
    return detected?.ok ? detected.mode.id : null
  }
  return [
    http.get('*/api/renders/:id/comments', ({ params }) => {
      if (!ledger.get(String(params.id))) return refuse(404, 'No such render')
      const listed = comments.filter((c) => c.renderId === params.id)
      return HttpResponse.json({ comments: listed.sort((a, b) => a.atMs - b.atMs || a.createdAtMs - b.createdAtMs) })
    }),
    http.post('*/api/renders/:id/comments', async ({ params, request }) => {
      const render = ledger.get(String(params.id))
      if (!render || render.deleted) return refuse(404, 'No such render')
      const parsed = newCommentSchema.safeParse(await request.json().catch(() => undefined))
      if (!parsed.success) return refuse(400, parsed.error.issues[0]!.message)
      const comment: Comment = {
        id: crypto.randomUUID(),
        renderId: render.id,
        ...parsed.data,
        author: author(request),
        authorVerified: false,
        createdAtMs: Date.now(),
        resolved: false,
        resolvedBy: null,
        resolvedAtMs: null,
      }
      comments.push(comment)
      ledger.setOpenComments(render.id, openCount(render.id))
      return HttpResponse.json(comment, { status: 201 })
    }),
    http.patch('*/api/comments/:id', async ({ params, request }) => {
      const comment = comments.find((c) => c.id === params.id)
      if (!comment) return refuse(404, 'No such comment')
      const parsed = commentPatchSchema.safeParse(await request.json().catch(() => undefined))
      if (!parsed.success) return refuse(400, 'Send { resolved: true } or { resolved: false }')
      const { resolved } = parsed.data
      if (resolved !== comment.resolved) {
        Object.assign(comment, {
          resolved,
          resolvedBy: resolved ? author(request) : null,
          resolvedAtMs: resolved ? Date.now() : null,
        })
      }
      ledger.setOpenComments(comment.renderId, openCount(comment.renderId))
      return HttpResponse.json(comment)
    }),
    http.get('*/api/news', ({ request }) => {
      const sinceMs = Number(new URL(request.url).searchParams.get('since'))
      const ended = ledger
        .all()
        .filter((r) => !r.deleted && (r.completedAtMs ?? 0) > sinceMs && ['succeeded', 'failed'].includes(r.status))
        .sort((a, b) => b.completedAtMs! - a.completedAtMs!)
      const asker = author(request)
      const heard = comments
        .filter((c) => c.createdAtMs > sinceMs && !ledger.get(c.renderId)?.deleted && (!asker || c.author !== asker))
        .sort((a, b) => b.createdAtMs - a.createdAtMs)
      return HttpResponse.json({
        sinceMs,
        finished: ended.length,
        failed: ended.filter((r) => r.status === 'failed').length,
        latest: ended.slice(0, NEWS_LATEST).map((r) => ({
          id: r.id,
          prompt: r.input.prompt,
          model: r.input.model,
          status: r.status,
          completedAtMs: r.completedAtMs!,
        })),
        comments: heard.length,
        latestComments: heard.slice(0, NEWS_LATEST).map((c) => ({
          id: c.id,
          renderId: c.renderId,
          prompt: ledger.get(c.renderId)!.input.prompt,
          author: c.author,
          text: c.text.slice(0, NEWS_COMMENT_CHARS),
          atMs: c.atMs,
          createdAtMs: c.createdAtMs,
        })),
      })
    }),
    http.get('*/api/models/scorecard', () => {
      const all = ledger.all()
      const models = groupBy(all, (r) => r.input.model).map(([model, rs]) => score(model, null, null, rs))
      const seconds = (r: Render) => (typeof r.input.duration === 'number' ? r.input.duration : null)
      const rows = groupBy(all, (r) => JSON.stringify([r.input.model, modeOf(r), seconds(r)])).map(([, rs]) =>
        score(rs[0]!.input.model, modeOf(rs[0]!), seconds(rs[0]!), rs),
      )
      return HttpResponse.json({ from: null, to: new Date().toISOString().slice(0, 10), models, rows })
    }),
  ]
}
