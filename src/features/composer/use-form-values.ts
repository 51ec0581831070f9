import { startTransition, useCallback, useEffect, useRef, useState } from 'react'
import type { UseFormReturn } from 'react-hook-form'
import type { ComposerValues } from './form-values'

/** How long typing pauses before the rest of the form (validation, the estimate, the draft) catches up. */
export const TYPING_SETTLE_MS = 120

/**
 * The form's values for the composer to render from, and `settle` to catch up at once (call it when focus leaves
 * a field, so a button clicked right after typing sees the text). Typing in a long text field (`typed`) reaches the
 * values once the typist pauses, in a transition: a keystroke paints the text alone, and validation, the estimate
 * and the rest of the form follow when the browser is free. Every other change (a model, a slider, a reset)
 * applies at once.
 */
export function useFormValues(form: UseFormReturn<ComposerValues>, typed: (field: string) => boolean) {
  const [values, setValues] = useState<ComposerValues>(() => ({ ...form.getValues() }))
  const pending = useRef<ReturnType<typeof setTimeout>>(undefined)
  const settle = useCallback(() => {
    if (pending.current === undefined) return
    clearTimeout(pending.current)
    pending.current = undefined
    setValues({ ...form.getValues() })
  }, [form])
  useEffect(() => {
    const subscription = form.watch((_, { name }) => {
      clearTimeout(pending.current)
      pending.current = undefined
      if (name !== undefined && typed(name)) {
        pending.current = setTimeout(() => {
          pending.current = undefined
          // Read when React renders, not now: keys typed while the transition waits or restarts are in it, so a
          // text box that follows these values never takes an older text than the one on screen.
          startTransition(() => setValues(() => ({ ...form.getValues() })))
        }, TYPING_SETTLE_MS)
      } else {
        setValues({ ...form.getValues() })
      }
    })
    return () => {
      clearTimeout(pending.current)
      subscription.unsubscribe()
    }
  }, [form, typed])
  return { values, settle }
}
