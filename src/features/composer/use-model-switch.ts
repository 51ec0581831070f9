import { useCallback, useRef, useState } from 'react'
import type { UseFormReturn } from 'react-hook-form'
import type { Model } from '@/catalog/catalog-schema'
import { findModel, type ComposerValues } from './form-values'
import { EMPTY_STASH, noteEdit, switchWithStash, type ModelStash } from './model-stash'

/** What Undo goes back to: the model left, every value as it was, and the stash as it was. */
interface UndoPoint {
  modelName: string
  values: ComposerValues
  stash: ModelStash
}

export interface ComposerNotice {
  text: string
  undo?: UndoPoint
}

/**
 * Model switches that never lose work: what a switch drops or clamps is kept aside per model and comes back
 * on the way back, and the notice offers Undo. Every edit by hand goes through `edited`, so a value the
 * creative has changed since is never overwritten by an old one.
 */
export function useModelSwitch(form: UseFormReturn<ComposerValues>, models: readonly Model[], model: Model) {
  const stash = useRef<ModelStash>(EMPTY_STASH)
  const [notice, setNotice] = useState<ComposerNotice>({ text: '' })

  const changeModel = (id: string) => {
    const next = findModel(models, id)
    if (!next || next.id === model.id) return
    const current = form.getValues()
    const result = switchWithStash(stash.current, current, model, next)
    setNotice({ text: result.message, undo: { modelName: model.name, values: current, stash: stash.current } })
    stash.current = result.stash
    form.reset(result.values)
  }
  /** A new starting point (a remix): nothing kept aside applies to it. */
  const forget = useCallback(() => {
    stash.current = EMPTY_STASH
  }, [])
  const undo = ({ modelName, values, stash: before }: UndoPoint) => {
    // The prompt is no part of a switch: words typed since stay.
    form.reset({ ...values, prompt: form.getValues('prompt') })
    stash.current = before
    setNotice({ text: `Back to ${modelName}, every value as it was.` })
  }
  return {
    notice,
    say: (text: string) => setNotice({ text }),
    changeModel,
    undo,
    edited: (key: string) => {
      stash.current = noteEdit(stash.current, key)
    },
    forget,
  }
}
