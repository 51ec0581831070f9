import { z } from 'zod'
import { RELATIONS } from '@/catalog/render-contract'
import { RATINGS } from '@/catalog/quality-contract'
import type { ImportedRender } from '@/ledger/render-transfer'

/*
 * Gallery files: `{ kind: "cannon-studio-gallery", version, renders }`. Version 2 is what GET /api/renders/export
 * writes (ledger renders); version 1 is a version 1 browser's export (its IndexedDB records). Damaged entries
 * are skipped and counted, never fatal.
 */
export const GALLERY_FILE_KIND = 'cannon-studio-gallery'

const nullableNumber = z.number().nullish()
const nullableText = z.string().nullish()
const input = z.looseObject({ model: z.string().min(1), prompt: z.string() })
const output = z.looseObject({ video_url: z.string().optional() }).nullish()

/** What both versions record of a render, under the same names. */
const common = {
  idempotencyKey: z.string().min(1).max(255),
  input,
  status: z.string().min(1).max(64),
  createdAtMs: z.number(),
  startedAtMs: nullableNumber,
  completedAtMs: nullableNumber,
  billableCredits: nullableNumber,
  output,
  errorMessage: nullableText,
  favourite: z.boolean().optional(),
  stale: z.boolean().optional(),
}

const v1Record = z.object({
  ...common,
  localId: z.string().min(1).max(128),
  requestId: z.string().max(128).optional(),
  parentId: z.string().max(128).optional(),
  pollAfterMs: z.number().optional(),
})

const v2Render = z.object({
  ...common,
  id: z.string().min(1).max(128),
  requestId: z.string().max(128).nullable(),
  operation: z.string().max(64).optional(),
  author: nullableText,
  parentId: nullableText,
  relation: z.enum(RELATIONS).nullish(),
  groupId: nullableText,
  keptVideoUrl: nullableText,
  deleted: z.boolean().optional(),
  pollAfterMs: nullableNumber,
  rating: z.enum(RATINGS).nullish(),
})

const galleryFile = z.object({
  kind: z.literal(GALLERY_FILE_KIND),
  version: z.union([z.literal(1), z.literal(2)]),
  renders: z.array(z.unknown()),
})

function fromV1(record: z.infer<typeof v1Record>): ImportedRender {
  const { localId, requestId, ...rest } = record
  return { ...rest, id: localId, requestId: requestId ?? null } as ImportedRender
}

export type ParsedGallery = { ok: true; renders: ImportedRender[]; damaged: number } | { ok: false; message: string }

export function parseGallery(json: unknown): ParsedGallery {
  const file = galleryFile.safeParse(json)
  if (!file.success) return { ok: false, message: 'This is not a Cannon Studio gallery export' }
  const renders: ImportedRender[] = []
  for (const raw of file.data.renders) {
    if (file.data.version === 1) {
      const parsed = v1Record.safeParse(raw)
      if (parsed.success) renders.push(fromV1(parsed.data))
    } else {
      const parsed = v2Render.safeParse(raw)
      if (parsed.success) renders.push(parsed.data as ImportedRender)
    }
  }
  return { ok: true, renders, damaged: file.data.renders.length - renders.length }
}
