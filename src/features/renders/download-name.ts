import type { RenderRecord } from './render-record'

const MAX_SLUG_LENGTH = 48

export function promptSlug(prompt: string): string {
  const slug = prompt
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
  const cut = slug.slice(0, MAX_SLUG_LENGTH).replace(/-+$/, '')
  return cut || 'render'
}

export function shortId(record: Pick<RenderRecord, 'requestId' | 'localId'>): string {
  return (record.requestId?.replace(/^req_/, '') ?? record.localId.replaceAll('-', '')).slice(0, 8)
}

/** e.g. `paper-boat-at-dusk-sora2-seed42-1a2b3c4d.mp4`: what a person reads in their downloads folder. */
export function downloadFileName(record: Pick<RenderRecord, 'input' | 'requestId' | 'localId'>): string {
  const seed = typeof record.input.seed === 'number' ? `seed${record.input.seed}` : undefined
  const model = record.input.model.replace(/[^a-zA-Z0-9]+/g, '')
  return [promptSlug(record.input.prompt), model, seed, shortId(record)].filter(Boolean).join('-') + '.mp4'
}
