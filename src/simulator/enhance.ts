import type { EnhanceInput } from '@/catalog/request-schema'

/** A deterministic stand-in for Cannon's prompt.enhance.video: a camera-aware, concise rewrite. */
export function enhancePrompt(input: EnhanceInput): string {
  const base = input.prompt
    .trim()
    .replace(/\s+/g, ' ')
    .replace(/[.!]+$/, '')
  const style = input.visualStyle?.trim() || 'cinematic, natural light'
  const framing = input.aspectRatio === '9:16' ? 'vertical framing' : 'wide framing'
  const pace = input.duration && input.duration <= 5 ? 'one decisive camera move' : 'a slow, steady dolly-in'
  const request = input.rewriteRequest?.trim() ? ` ${input.rewriteRequest.trim().replace(/[.!]+$/, '')}.` : ''
  return `${base}. ${capitalise(style)}, ${framing}, ${pace}, shallow depth of field, subtle film grain.${request}`
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}
