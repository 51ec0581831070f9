import { startTransition, useEffect, useMemo, useRef, useState } from 'react'
import type { Model } from '@/catalog/catalog-schema'
import type { SchemaOptions } from '@/catalog/video-input'
import { buildVideoInput, type ComposerValues } from './form-values'
import type { ComposerValidation } from './validate-composer'

type Validator = typeof import('./validate-composer')

let validator: Validator | undefined
let loading: Promise<Validator> | undefined

/**
 * The form's checks (the catalog's request schema, and zod with it), loaded once after the composer's first
 * paint rather than before it. A failed load is tried again on the next call.
 */
export function loadValidator(): Promise<Validator> {
  loading ??= import('./validate-composer').then(
    (module) => (validator = module),
    (error: unknown) => {
      loading = undefined
      throw error
    },
  )
  return loading
}

const notYet = (model: Model, values: ComposerValues, message: string): ComposerValidation => ({
  ok: false,
  input: buildVideoInput(model, values),
  errors: {},
  messages: message ? [message] : [],
  firstMessage: message,
})

const whenIdle = (run: () => void) =>
  typeof requestIdleCallback === 'function' ? requestIdleCallback(run, { timeout: 1500 }) : setTimeout(run, 0)

/**
 * The form checked as the BFF will check it. The checks load once the page is idle after its first paint, and
 * their first run (which builds the model's schema) happens there too, not inside a render; until then
 * `checksReady` is false and Generate stays usable (the resolver waits for the checks).
 */
export function useComposerValidation(model: Model, values: ComposerValues, options: SchemaOptions) {
  const [state, setState] = useState<'loading' | 'ready' | 'failed'>(() => (validator ? 'ready' : 'loading'))
  const latest = useRef({ model, values, options })
  useEffect(() => {
    latest.current = { model, values, options }
  })
  useEffect(() => {
    if (state !== 'loading') return
    whenIdle(() => {
      loadValidator().then(
        (module) => {
          const now = latest.current
          module.validateComposer(now.model, now.values, now.options)
          startTransition(() => setState('ready'))
        },
        () => setState('failed'),
      )
    })
  }, [state])
  const validation = useMemo(() => {
    if (validator) return validator.validateComposer(model, values, options)
    return notYet(model, values, state === 'failed' ? 'The form’s checks did not load: reload the page' : '')
  }, [model, values, options, state])
  return { validation, checksReady: validator !== undefined }
}
