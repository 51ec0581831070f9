/*
 * The file name a take downloads under, shared by the browser and GET /api/renders/:id/download so the name a
 * creative sees is the same wherever the file comes from.
 */

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

export interface NamedTake {
  input: { model: string; prompt: string; seed?: unknown }
  /** Cannon's id when it has one (`req_…`), else the studio's. */
  requestId?: string | null
  id: string
}

function shortId(take: NamedTake): string {
  return (take.requestId?.replace(/^req_/, '') ?? take.id.replaceAll('-', '')).slice(0, 8)
}

/** e.g. `paper-boat-at-dusk-sora2-seed42-1a2b3c4d.mp4`: what a person reads in their downloads folder. */
export function takeFileName(take: NamedTake, ext = 'mp4'): string {
  const seed = typeof take.input.seed === 'number' ? `seed${take.input.seed}` : undefined
  const model = take.input.model.replace(/[^a-zA-Z0-9]+/g, '')
  return [promptSlug(take.input.prompt), model, seed, shortId(take)].filter(Boolean).join('-') + `.${ext}`
}
