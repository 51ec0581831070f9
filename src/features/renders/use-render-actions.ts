import { useQueryClient } from '@tanstack/react-query'
import { useRef } from 'react'
import type { Model } from '@/catalog/catalog-schema'
import type { VideoInput } from '@/catalog/request-schema'
import { maySpend } from '@/features/credits/spend-guard'
import type { RenderRecord } from './render-record'
import { updateRender } from './renders-cache'
import { useRenderEdits } from './use-render-edits'
import { useSubmitRender } from './use-submit-render'
import { variationInputs } from './variations'

/** A second click on Re-run within this window is a double click, not a second request. */
const DOUBLE_CLICK_MS = 1000

/** What a person can do to a render, wherever it is shown. */
export function useRenderActions() {
  const queryClient = useQueryClient()
  const { submit, send } = useSubmitRender()
  const edits = useRenderEdits()
  const lastRerun = useRef(new Map<string, number>())

  return {
    ...edits,
    /** The same input again, as a new submission (a new idempotency key). */
    rerun: async (record: RenderRecord) => {
      const now = Date.now()
      if (now - (lastRerun.current.get(record.localId) ?? 0) < DOUBLE_CLICK_MS) return undefined
      lastRerun.current.set(record.localId, now)
      if (!(await maySpend(queryClient, [record.input as VideoInput], 'Re-run'))) return undefined
      return submit(record.input as VideoInput, { parentId: record.localId, relation: 'rerun' })
    },
    variations: async (record: RenderRecord, model: Model | undefined, count: number, tweak: string) => {
      const inputs = variationInputs(record.input as VideoInput, model, count, tweak)
      if (!(await maySpend(queryClient, inputs, `${count} variations`))) return []
      return Promise.all(inputs.map((input) => submit(input, { parentId: record.localId, relation: 'variation' })))
    },
    sendAgain: (record: RenderRecord) => send(record),
    savePoster: (record: RenderRecord, posterDataUrl: string) =>
      updateRender(queryClient, record.localId, (r) => ({ ...r, posterDataUrl })),
  }
}
