import { http, HttpResponse, type RequestHandler } from 'msw'
import type { Catalog } from '@/catalog/catalog-schema'
import type { Render } from '@/catalog/render-contract'
import {
  continueClipRequestSchema,
  newSequenceSchema,
  sequencePatchSchema,
  STALE_SEQUENCE_MESSAGE,
  takeLengthMs,
  type Sequence,
  type Shot,
} from '@/catalog/sequence-contract'
import { clipSource, clipWithin } from '@/server/continue-clip-checks'
import { shotsRefusal } from '@/server/sequence-checks'

const error = (status: number, code: string, message: string) =>
  HttpResponse.json({ error: { code, message } }, { status })
const notFound = () => error(404, 'not_found', 'No such sequence')

/**
 * GET/POST /api/sequences and GET/PATCH/DELETE /api/sequences/:id over an in-memory list, checked as the BFF
 * checks them (the shots against the renders `takeOf` knows, the version rule), for component tests; and
 * POST /api/renders/:id/continue-clip, checked alike, answering with the clip it would cut (at 24 fps).
 */
export function sequenceHandlers(
  takeOf: (id: string) => Render | undefined,
  catalog: Catalog,
  now: () => number = Date.now,
): RequestHandler[] {
  const sequences = new Map<string, Sequence>()
  const refusal = (shots: readonly Shot[] | undefined) => {
    const takes = new Map<string, Render>()
    for (const id of shots?.flatMap((s) => s.takeIds) ?? []) {
      const take = takeOf(id)
      if (take) takes.set(id, take)
    }
    const refused = shots && shotsRefusal(shots, takes, catalog)
    return refused && error(refused.status, refused.code, refused.message)
  }
  return [
    http.get('*/api/sequences', () =>
      HttpResponse.json({ items: [...sequences.values()].sort((a, b) => b.updatedAtMs - a.updatedAtMs) }),
    ),
    http.post('*/api/sequences', async ({ request }) => {
      const parsed = newSequenceSchema.safeParse(await request.json().catch(() => undefined))
      if (!parsed.success) return error(400, 'invalid_input', parsed.error.issues[0]!.message)
      const refused = refusal(parsed.data.shots)
      if (refused) return refused
      const at = now()
      const sequence = { id: crypto.randomUUID(), name: parsed.data.name, version: 1, shots: parsed.data.shots ?? [] }
      sequences.set(sequence.id, { ...sequence, createdAtMs: at, updatedAtMs: at })
      return HttpResponse.json(sequences.get(sequence.id), { status: 201 })
    }),
    http.get('*/api/sequences/:id', ({ params }) => {
      const sequence = sequences.get(String(params.id))
      return sequence ? HttpResponse.json(sequence) : notFound()
    }),
    http.patch('*/api/sequences/:id', async ({ params, request }) => {
      const current = sequences.get(String(params.id))
      if (!current) return notFound()
      const parsed = sequencePatchSchema.safeParse(await request.json().catch(() => undefined))
      if (!parsed.success) return error(400, 'invalid_input', parsed.error.issues[0]!.message)
      const refused = refusal(parsed.data.shots)
      if (refused) return refused
      if (parsed.data.version !== current.version) return error(409, 'stale_version', STALE_SEQUENCE_MESSAGE)
      const { name = current.name, shots = current.shots } = parsed.data
      const next = { ...current, name, shots, version: current.version + 1, updatedAtMs: now() }
      sequences.set(next.id, next)
      return HttpResponse.json(next)
    }),
    http.delete('*/api/sequences/:id', ({ params }) =>
      sequences.delete(String(params.id)) ? new HttpResponse(null, { status: 204 }) : notFound(),
    ),
    http.post('*/api/renders/:id/continue-clip', async ({ params, request }) => {
      const parsed = continueClipRequestSchema.safeParse(await request.json().catch(() => undefined))
      if (!parsed.success) return error(400, 'invalid_input', parsed.error.issues[0]!.message)
      const take = takeOf(String(params.id))
      const source = clipSource(parsed.data, catalog, take)
      if ('refusal' in source) return error(source.refusal.status, source.refusal.code, source.refusal.message)
      const clip = clipWithin(
        { fps: { num: 24, den: 1 }, durationMs: (take && takeLengthMs(take)) ?? 0 },
        parsed.data.atMs,
        source,
      )
      if ('refusal' in clip) return error(clip.refusal.status, clip.refusal.code, clip.refusal.message)
      const { startMs, endMs } = clip.frames
      return HttpResponse.json(
        { url: `/media/clip-${params.id}-${startMs}-${endMs}.mp4`, startMs, endMs },
        { status: 201 },
      )
    }),
  ]
}
