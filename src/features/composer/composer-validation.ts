import { useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react'
import type { Model } from '@/catalog/catalog-schema'
import type { SchemaOptions } from '@/catalog/video-input'
import { buildVideoInput, type ComposerValues } from './form-values'
import type { ComposerValidation } from './validate-composer'

type Validator = typeof import('./validate-composer')

let validator: Validator | undefined
let loading: Promise<Validator> | undefined
const listeners = new Set<() => void>()

/**
 * The form's checks (the catalog's request schema, and zod with it), loaded once after the composer's first
 * paint rather than before it: when the page is idle, or at once when Generate needs them. A failed load is
 * tried again on the next call.
 */
export function loadValidator(): Promise<Validator> {
  loading ??= import('./validate-composer').then(
    (module) => {
      validator = module
      for (const listener of listeners) listener()
      return module
    },
    (error: unknown) => {
      loading = undefined
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
 * their first run (which builds the model's schema) happens there too, before React renders with them (a render
 * is a later task than the load's promise); until then `checksReady` is false and Generate stays usable (the
 * resolver loads the checks and waits for them).
 */
export function useComposerValidation(model: Model, values: ComposerValues, options: SchemaOptions) {
  const checksReady = useSyncExternalStore(subscribe, isLoaded, isLoaded)
  const [failed, setFailed] = useState(false)
  const latest = useRef({ model, values, options })
  useEffect(() => {
    latest.current = { model, values, options }
  })
  useEffect(() => {
    if (checksReady) return
    whenIdle(() => {
      loadValidator().then(
        (module) => {
          const now = latest.current
          module.validateComposer(now.model, now.values, now.options)
        },
        () => setFailed(true),
      )
    })
  }, [checksReady])
  const validation = useMemo(() => {
    if (checksReady && validator) return validator.validateComposer(model, values, options)
    return notYet(model, values, failed ? 'The form’s checks did not load: reload the page' : '')
  }, [model, values, options, checksReady, failed])
  return { validation, checksReady }
}
