import { z } from 'zod'
import { AUTHOR_NAME } from '@/catalog/author-name'

const blankIsUnset = (v: unknown) => (v === '' ? undefined : v)

export interface NamedToken {
  name: string
  token: string
}

/** STUDIO_ACCESS_TOKENS: `name:token,name:token`, each name a display name and each token its own secret. */
export const namedTokens = z.preprocess(
  blankIsUnset,
  z
    .string()
    .optional()
    .transform((text, ctx): NamedToken[] => {
      const refuse = (message: string) => {
        ctx.addIssue({ code: 'custom', message: `STUDIO_ACCESS_TOKENS ${message}` })
        return z.NEVER
      }
      const tokens: NamedToken[] = []
      for (const entry of (text ?? '').split(',').filter((e) => e.trim())) {
        const colon = entry.indexOf(':')
        const name = entry.slice(0, colon).trim()
        const token = entry.slice(colon + 1).trim()
        if (colon < 0 || !AUTHOR_NAME.test(name)) {
          return refuse(`must look like ana:token,ben:token (names of 1–40 letters, digits, spaces or . ' _ -)`)
        }
        if (token.length < 16) return refuse(`gives ${name} a token shorter than 16 characters`)
        if (tokens.some((t) => t.name === name)) return refuse(`names ${name} twice`)
        if (tokens.some((t) => t.token === token)) return refuse('gives two people the same token')
        tokens.push({ name, token })
      }
      return tokens
    }),
)
