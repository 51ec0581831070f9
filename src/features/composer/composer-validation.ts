import { useMemo, useSyncExternalStore } from 'react'
import type { Model } from '@/catalog/catalog-schema'
import type { SchemaOptions } from '@/catalog/video-input'
import { buildVideoInput, type ComposerValues } from './form-values'
import type { ComposerValidation } from './validate-composer'

type Validator = typeof import('./validate-composer')

let validator: Validator | undefined
let failed = false
let loading: Promise<Validator> | undefined
const listeners = new Set<() => void>()
const changed = () => listeners.forEach((listener) => listener())

/**
 * The form's checks (the catalog's request schema, and zod with it), loaded once the person first works with the
 * form (its first focus) or when Generate needs them, never on the way to the first paint. A failed load is
 * tried again on the next call.
 */
export function loadValidator(): Promise<Validator> {
  loading ??= import('./validate-composer').then(
    (module) => {
      validator = module
      failed = false
      changed()
      return module
    },
    (error: unknown) => {
      loading = undefined
      failed = true
      changed()
      throw error
    },
  )
  return loading
}

const subscribe = (listener: () => void) => {
  listeners.add(listener)
  return () => listeners.delete(listener)
}
const isLoaded = () => validator !== undefined
const hasFailed = () => failed

const notYet = (model: Model, values: ComposerValues, message: string): ComposerValidation => ({
  ok: false,
  input: buildVideoInput(model, values),
  errors: {},
  messages: message ? [message] : [],
  firstMessage: message,
})

/**
 * The form checked as the BFF will check it, once the checks have loaded (see loadValidator); until then
 * `checksReady` is false and Generate stays usable (the resolver loads the checks and waits for them).
 */
export function useComposerValidation(model: Model, values: ComposerValues, options: SchemaOptions) {
  const checksReady = useSyncExternalStore(subscribe, isLoaded, isLoaded)
  const loadFailed = useSyncExternalStore(subscribe, hasFailed, hasFailed)
  const validation = useMemo(() => {
    if (checksReady && validator) return validator.validateComposer(model, values, options)
    return notYet(model, values, loadFailed ? 'The form’s checks did not load: reload the page' : '')
  }, [model, values, options, checksReady, loadFailed])
  return { validation, checksReady }
}
