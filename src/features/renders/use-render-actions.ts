import { useQueryClient } from '@tanstack/react-query'
import { useRef } from 'react'
import type { Model } from '@/catalog/catalog-schema'
import type { VideoInput } from '@/catalog/request-schema'
import type { RenderRecord } from './render-record'
import { addRender, removeRender, updateRender } from './renders-cache'
import { useSubmitRender } from './use-submit-render'
import { variationInputs } from './variations'

/** A second click on Re-run within this window is a double click, not a second request. */
const DOUBLE_CLICK_MS = 1000

/** What a person can do to a stored render, wherever it is shown. */
export function useRenderActions() {
  const queryClient = useQueryClient()
  const { submit, send } = useSubmitRender()
  const lastRerun = useRef(new Map<string, number>())

  return {
    /** The same input again, as a new submission (a new idempotency key). */
    rerun: async (record: RenderRecord) => {
      const now = Date.now()
      if (now - (lastRerun.current.get(record.localId) ?? 0) < DOUBLE_CLICK_MS) return undefined
      lastRerun.current.set(record.localId, now)
      return submit(record.input as VideoInput, { parentId: record.localId })
    },
    variations: (record: RenderRecord, model: Model | undefined, count: number, tweak: string) =>
      Promise.all(
        variationInputs(record.input as VideoInput, model, count, tweak).map((input) =>
          submit(input, { parentId: record.localId }),
        ),
      ),
    toggleFavourite: (record: RenderRecord) =>
      updateRender(queryClient, record.localId, (r) => ({ ...r, favourite: !r.favourite })),
    /** Deletes at once; the returned function puts the render back exactly as it was. */
    remove: async (record: RenderRecord) => {
      const removed = await removeRender(queryClient, record.localId)
      return async () => {
        if (removed) await addRender(queryClient, removed)
      }
    },
    /** Watches a stale render for another 30 minutes. */
    checkAgain: (record: RenderRecord) =>
      updateRender(queryClient, record.localId, (r) => ({ ...r, stale: false, watchSinceMs: Date.now() })),
    sendAgain: (record: RenderRecord) => send(record),
    savePoster: (record: RenderRecord, posterDataUrl: string) =>
      updateRender(queryClient, record.localId, (r) => ({ ...r, posterDataUrl })),
  }
}
