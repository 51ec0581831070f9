import { http, HttpResponse, type RequestHandler } from 'msw'
import { acceptedSchema, requestObjectSchema } from '@/catalog/api-contract'
import { qualityReportSchema, type Rating } from '@/catalog/quality-contract'
import { relationSchema } from '@/catalog/render-contract'
import { parseGallery } from '@/server/gallery-import'
import type { MemoryLedger } from './memory-ledger'

const notFound = () => HttpResponse.json({ error: { code: 'not_found', message: 'No such render' } }, { status: 404 })

/**
 * The ledger's routes over an in-memory list, in front of a BFF (`bff`) that has no ledger: creates and polls go
 * through the BFF and are written down on their way back, as the real BFF does.
 */
export function ledgerHandlers(ledger: MemoryLedger, bff: (request: Request) => Promise<Response>): RequestHandler[] {
  return [
    http.post('*/api/v1/requests', async ({ request }) => {
      const body = (await request
        .clone()
        .json()
        .catch(() => undefined)) as { operation?: string; input?: { model: string; prompt: string } } | undefined
      const response = await bff(request)
      const accepted = acceptedSchema.safeParse(
        await response
          .clone()
          .json()
          .catch(() => undefined),
      )
      const key = request.headers.get('x-idempotency-key')
      if (response.status === 202 && accepted.success && key && body?.input) {
        const relation = relationSchema.safeParse(request.headers.get('x-studio-relation'))
        const render = ledger.accepted(
          {
            id: request.headers.get('x-studio-render-id') ?? undefined,
            idempotencyKey: key,
            input: body.input,
            parentId: request.headers.get('x-studio-parent-id') ?? undefined,
            relation: relation.success ? relation.data : undefined,
            groupId: request.headers.get('x-studio-group-id') ?? undefined,
          },
          accepted.data,
        )
        return HttpResponse.json({ ...accepted.data, render_id: render.id }, { status: 202 })
      }
      return response
    }),
    http.get('*/api/v1/requests/:id', async ({ request }) => {
      const response = await bff(request)
      const answer = requestObjectSchema.safeParse(
        await response
          .clone()
          .json()
          .catch(() => undefined),
      )
      if (response.status === 200 && answer.success) ledger.answered(answer.data)
      return response
    }),
    http.get('*/api/renders', ({ request }) => {
      const params = new URL(request.url).searchParams
      const text = (name: string) => params.get(name) ?? undefined
      const favourite = text('favourite')
      const flagged = text('flagged')
      const commented = text('commented')
      return HttpResponse.json(
        ledger.list({
          limit: Number(text('limit') ?? 50),
          cursor: text('cursor'),
          status: text('status'),
          model: text('model'),
          q: text('q'),
          favourite: favourite === undefined ? undefined : favourite === 'true',
          flagged: flagged === undefined ? undefined : flagged === 'true',
          commented: commented === undefined ? undefined : commented === 'true',
          rating: text('rating'),
          author: text('author'),
        }),
      )
    }),
    http.get('*/api/renders/export', () =>
      HttpResponse.json(
        { kind: 'cannon-studio-gallery', version: 2, exportedAtMs: Date.now(), renders: ledger.all() },
        { headers: { 'content-disposition': 'attachment; filename="cannon-studio-gallery.json"' } },
      ),
    ),
    http.post('*/api/renders/import', async ({ request }) => {
      const parsed = parseGallery(await request.json().catch(() => undefined))
      if (!parsed.ok)
        return HttpResponse.json({ error: { code: 'invalid_gallery', message: parsed.message } }, { status: 400 })
      const { added, skipped } = ledger.import(parsed.renders)
      return HttpResponse.json({ added, skipped: skipped + parsed.damaged })
    }),
    http.get('*/api/renders/:id/lineage', ({ params }) => {
      const tree = ledger.lineage(String(params.id))
      return tree ? HttpResponse.json(tree) : notFound()
    }),
    http.get('*/api/renders/:id', ({ params }) => {
      const render = ledger.get(String(params.id))
      return render ? HttpResponse.json(render) : notFound()
    }),
    http.patch('*/api/renders/:id', async ({ params, request }) => {
      const render = ledger.patch(
        String(params.id),
        (await request.json()) as { favourite?: boolean; deleted?: boolean; rating?: Rating | null },
      )
      return render ? HttpResponse.json(render) : notFound()
    }),
    http.patch('*/api/renders/:id/quality', async ({ params, request }) => {
      const report = qualityReportSchema.safeParse(await request.json().catch(() => undefined))
      if (!report.success)
        return HttpResponse.json({ error: { code: 'invalid_input', message: 'Not a quality report' } }, { status: 400 })
      const render = ledger.reportQuality(String(params.id), report.data)
      return render ? HttpResponse.json(render) : notFound()
    }),
    http.post('*/api/renders/:id/recheck', ({ params }) => {
      const render = ledger.recheck(String(params.id))
      return render ? HttpResponse.json(render) : notFound()
    }),
  ]
}
