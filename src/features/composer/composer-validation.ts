import { useEffect, useMemo, useState } from 'react'
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

/** The form checked as the BFF will check it; Generate waits (with no reason to show) while the checks load. */
export function useComposerValidation(model: Model, values: ComposerValues, options: SchemaOptions) {
  const [state, setState] = useState<'loading' | 'ready' | 'failed'>(() => (validator ? 'ready' : 'loading'))
  useEffect(() => {
    if (state !== 'loading') return
    loadValidator().then(
      () => setState('ready'),
      () => setState('failed'),
    )
  }, [state])
  return useMemo(() => {
    if (validator) return validator.validateComposer(model, values, options)
    return notYet(model, values, state === 'failed' ? 'The form’s checks did not load: reload the page' : '')
  }, [model, values, options, state])
}
