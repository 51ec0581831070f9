import { useMemo } from 'react'
import type { Model } from '@/catalog/catalog-schema'
import type { SchemaOptions } from '@/catalog/video-input'
import { sharedValue, useSharedValue } from '@/lib/shared-value'
import { buildVideoInput, type ComposerValues } from './form-values'
import type { ComposerValidation } from './validate-composer'

type Validator = typeof import('./validate-composer')

/** The checks once loaded, or whether the last try to load them failed. */
const loaded = sharedValue<{ validator?: Validator; failed: boolean }>({ failed: false })
let loading: Promise<Validator> | undefined

/**
 * The form's checks (the catalog's request schema, and zod with it), loaded once the person first works with the
 * form (its first focus) or when Generate needs them, never on the way to the first paint. A failed load is
 * tried again on the next call.
 */
export function loadValidator(): Promise<Validator> {
  loading ??= import('./validate-composer').then(
    (module) => {
      loaded.set({ validator: module, failed: false })
      return module
    },
    (error: unknown) => {
      loading = undefined
      loaded.set({ failed: true })
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

/**
 * The form checked as the BFF will check it, once the checks have loaded (see loadValidator); until then
 * `checksReady` is false and Generate stays usable (the resolver loads the checks and waits for them).
 */
export function useComposerValidation(model: Model, values: ComposerValues, options: SchemaOptions) {
  const { validator, failed } = useSharedValue(loaded)
  const validation = useMemo(() => {
    if (validator) return validator.validateComposer(model, values, options)
    return notYet(model, values, failed ? 'The form’s checks did not load: reload the page' : '')
  }, [model, values, options, validator, failed])
  return { validation, checksReady: validator !== undefined }
}
