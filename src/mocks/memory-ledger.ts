import { isTerminal, type Accepted, type RequestObject } from '@/catalog/api-contract'
import { MAX_LINEAGE_RENDERS, type LineageTree } from '@/catalog/gallery-contract'
import type { QualityReport, Rating } from '@/catalog/quality-contract'
import type { Relation, Render } from '@/catalog/render-contract'
import type { ParsedGallery } from '@/server/gallery-import'

/** A render from a gallery file, as the server's import reads it. */
type ImportedRender = Extract<ParsedGallery, { ok: true }>['renders'][number]

export interface ListQuery {
  limit: number
  cursor?: string
  status?: string
  model?: string
  q?: string
  favourite?: boolean
  flagged?: boolean
  commented?: boolean
  rating?: string
  author?: string
}

const UNFINISHED_WORDS = new Set(['submitting', 'queued', 'processing'])

/**
 * A small in-memory stand-in for the studio's ledger, for component tests: the renders the BFF would have
 * recorded, listed, favourited and deleted the way GET/PATCH /api/renders do it (no SQL, no sweeper).
 */
export function createMemoryLedger(now: () => number = Date.now) {
  const renders = new Map<string, Render>()

  function complete(partial: ImportedRender): Render {
    return {
      requestId: null,
      operation: 'video.generate',
      billableCredits: null,
      startedAtMs: null,
      completedAtMs: null,
      errorMessage: null,
      output: null,
      author: null,
      authorVerified: false,
      parentId: null,
      relation: null,
      groupId: null,
      favourite: false,
      stale: false,
      keptVideoUrl: null,
      deleted: false,
      submitError: null,
      pollError: null,
      pollAfterMs: null,
      updatedAtMs: now(),
      ...partial,
    }
  }

  const byKey = (key: string) => [...renders.values()].find((r) => r.idempotencyKey === key)
  const byRequestId = (id: string) => [...renders.values()].find((r) => r.requestId === id)
  const update = (render: Render, change: Partial<Render>) => {
    const next = { ...render, ...change, updatedAtMs: now() }
    renders.set(render.id, next)
    return next
  }

  return {
    all: () => [...renders.values()],
    get: (id: string) => renders.get(id),
    /** A create Cannon accepted; a repeat of its key changes nothing. */
    accepted(
      create: {
        id?: string
        idempotencyKey: string
        input: Render['input']
        parentId?: string
        relation?: Relation
        groupId?: string
      },
      accepted: Accepted,
    ): Render {
      const known = byKey(create.idempotencyKey)
      if (known) return known
      const render = complete({
        id: create.id ?? crypto.randomUUID(),
        idempotencyKey: create.idempotencyKey,
        input: create.input,
        status: accepted.status,
        createdAtMs: now(),
        requestId: accepted.id,
        pollAfterMs: accepted.poll_after_ms,
        parentId: create.parentId ?? null,
        relation: create.relation ?? null,
        groupId: create.groupId ?? null,
      })
      renders.set(render.id, render)
      return render
    },
    /** A poll answer, as the BFF writes every answer it relays; a finished render never changes again. */
    answered(answer: RequestObject) {
      const render = byRequestId(answer.id)
      if (!render || isTerminal(render.status)) return
      const { status, billableCredits, startedAtMs, completedAtMs, errorMessage, output } = answer
      update(render, {
        status,
        billableCredits: billableCredits ?? render.billableCredits,
        startedAtMs: startedAtMs ?? render.startedAtMs,
        completedAtMs: completedAtMs ?? render.completedAtMs,
        errorMessage: errorMessage ?? render.errorMessage,
        output: output ?? render.output,
      })
    },
    list(query: ListQuery): { items: Render[]; next_cursor: string | null } {
      // Every word, in the prompt or the model id (the real route also reads the catalog's model names).
      const words = (query.q ?? '').toLowerCase().split(/\s+/).filter(Boolean)
      const [afterMs, afterId] = query.cursor?.split('.') ?? []
      const matching = [...renders.values()]
        .filter(
          (r) =>
            !r.deleted &&
            (query.status === undefined ||
              (query.status === 'stale'
                ? r.stale
                : r.status === query.status && !(UNFINISHED_WORDS.has(query.status) && r.stale))) &&
            (query.model === undefined || r.input.model === query.model) &&
            (query.favourite === undefined || r.favourite === query.favourite) &&
            (query.flagged === undefined ||
              (query.flagged ? (r.qualityFlags?.length ?? 0) > 0 : r.qualityFlags?.length === 0)) &&
            (query.commented === undefined || (r.openComments ?? 0) > 0 === query.commented) &&
            (query.rating === undefined || (r.rating ?? 'unrated') === query.rating) &&
            (query.author === undefined || r.author === query.author) &&
            words.every((w) => r.input.prompt.toLowerCase().includes(w) || r.input.model.includes(w)),
        )
        .sort((a, b) => b.createdAtMs - a.createdAtMs || (b.id > a.id ? 1 : -1))
        .filter(
          (r) =>
            afterMs === undefined ||
            r.createdAtMs < Number(afterMs) ||
            (r.createdAtMs === Number(afterMs) && r.id < afterId!),
        )
      const items = matching.slice(0, query.limit)
      const last = items.at(-1)
      return {
        items,
        next_cursor: matching.length > query.limit && last ? `${last.createdAtMs}.${last.id}` : null,
      }
    },
    patch(id: string, patch: { favourite?: boolean; deleted?: boolean; rating?: Rating | null }): Render | undefined {
      const render = renders.get(id)
      return render && update(render, patch)
    },
    /** A sampler's report on a kept take: the first of each sampler version counts. */
    reportQuality(id: string, report: QualityReport): Render | undefined {
      const render = renders.get(id)
      if (!render || render.status !== 'succeeded' || !render.keptVideoUrl) return undefined
      if ((render.qualitySampler ?? 0) >= report.sampler) return render
      return update(render, { qualityFlags: report.flags, qualitySampler: report.sampler })
    },
    /** A take's count of open comments changed (the comment handlers keep the comments). */
    setOpenComments(id: string, openComments: number): Render | undefined {
      const render = renders.get(id)
      return render && update(render, { openComments })
    },
    recheck(id: string): Render | undefined {
      const render = renders.get(id)
      return render && !isTerminal(render.status) ? update(render, { stale: false }) : undefined
    },
    /** The family of a render as GET /api/renders/:id/lineage answers it: up to its first render, then down. */
    lineage(id: string): LineageTree | undefined {
      let root = renders.get(id)
      const seen = new Set<string>()
      while (root && !seen.has(root.id)) {
        seen.add(root.id)
        const parent = root.parentId ? renders.get(root.parentId) : undefined
        if (!parent || seen.has(parent.id)) break
        root = parent
      }
      if (!root) return undefined
      const family = new Map([[root.id, root]])
      for (const member of family.values()) {
        for (const r of renders.values()) if (r.parentId === member.id && !family.has(r.id)) family.set(r.id, r)
      }
      const [first, ...rest] = [...family.values()]
      rest.sort((a, b) => a.createdAtMs - b.createdAtMs || (a.id < b.id ? -1 : 1))
      const all = [first!, ...rest]
      return {
        rootId: root.id,
        renders: all.slice(0, MAX_LINEAGE_RENDERS),
        truncated: all.length > MAX_LINEAGE_RENDERS,
      }
    },
    /** Adds what it does not have (by id, idempotency key or request id), like POST /api/renders/import. */
    import(imported: readonly ImportedRender[]): { added: number; skipped: number } {
      let added = 0
      for (const partial of imported) {
        const known =
          renders.has(partial.id) ||
          byKey(partial.idempotencyKey) ||
          (partial.requestId ? byRequestId(partial.requestId) : undefined)
        if (known) continue
        const finished = isTerminal(partial.status)
        renders.set(partial.id, complete({ ...partial, stale: !finished && (!!partial.stale || !partial.requestId) }))
        added += 1
      }
      return { added, skipped: imported.length - added }
    },
    /** For tests: a render as another browser (or an import) would have put it in the ledger. */
    put(partial: ImportedRender): Render {
      const render = complete(partial)
      renders.set(render.id, render)
      return render
    },
  }
}

export type MemoryLedger = ReturnType<typeof createMemoryLedger>
