import type { Page } from '@playwright/test'

export interface SentCreate {
  headers: Record<string, string>
  input: Record<string, unknown>
}

/** Every render create the page sends from now on (its headers, which carry the lineage, and its input), in order. */
export function recordCreates(page: Page): SentCreate[] {
  const creates: SentCreate[] = []
  page.on('request', (request) => {
    if (request.method() !== 'POST' || !request.url().endsWith('/api/v1/requests')) return
    creates.push({ headers: request.headers(), input: request.postDataJSON().input })
  })
  return creates
}
