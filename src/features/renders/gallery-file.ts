import { z } from 'zod/mini'
import { renderRecordSchema, type RenderRecord } from './render-record'

const FILE_KIND = 'cannon-studio-gallery'
const fileSchema = z.object({ kind: z.literal(FILE_KIND), version: z.literal(1), renders: z.array(z.unknown()) })

export function galleryFileContent(renders: RenderRecord[]): string {
  return JSON.stringify({ kind: FILE_KIND, version: 1, exportedAtMs: Date.now(), renders })
}

export function galleryFileName(now = new Date()): string {
  return `cannon-studio-gallery-${now.toISOString().slice(0, 10)}.json`
}

export type ParsedGalleryFile = { ok: true; renders: RenderRecord[]; damaged: number } | { ok: false; message: string }

/** Reads an exported gallery; damaged records are counted and skipped, a file that is not a gallery is refused. */
export function parseGalleryFile(text: string): ParsedGalleryFile {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    return { ok: false, message: 'This file is not JSON, so it is not a gallery export.' }
  }
  const file = fileSchema.safeParse(json)
  if (!file.success) return { ok: false, message: 'This JSON file is not a Cannon Studio gallery export.' }
  const renders: RenderRecord[] = []
  for (const raw of file.data.renders) {
    const parsed = renderRecordSchema.safeParse(raw)
    if (parsed.success) renders.push(parsed.data)
  }
  return { ok: true, renders, damaged: file.data.renders.length - renders.length }
}

/** The imported renders not already present: the same request id, or the same local id, is the same render. */
export function newRendersOnly(existing: RenderRecord[], imported: RenderRecord[]): RenderRecord[] {
  const requestIds = new Set(existing.flatMap((r) => (r.requestId ? [r.requestId] : [])))
  const localIds = new Set(existing.map((r) => r.localId))
  const fresh: RenderRecord[] = []
  for (const record of imported) {
    const seen = record.requestId ? requestIds.has(record.requestId) : localIds.has(record.localId)
    if (seen || localIds.has(record.localId)) continue
    fresh.push(record)
    if (record.requestId) requestIds.add(record.requestId)
    localIds.add(record.localId)
  }
  return fresh
}
