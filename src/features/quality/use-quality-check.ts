import { useQueryClient, type QueryClient } from '@tanstack/react-query'
import { useEffect } from 'react'
import { askedForAudio, QUALITY_SAMPLER } from '@/catalog/quality-contract'
import { fromLedger } from '@/features/renders/ledger-record'
import { upsertFromLedger } from '@/features/renders/ledger-sync'
import type { RenderRecord } from '@/features/renders/render-record'
import { ledgerClient } from '@/lib/ledger-client'
import { detectFlags } from './detect-flags'
import { nextIdle, wantCheck } from './quality-queue'
import { canSampleTakes, sampleFrames, sampleSound } from './sample-take'

/** A take the ledger keeps a copy of and that this sampler version has not checked yet. */
export function needsCheck(record: RenderRecord): boolean {
  return (
    record.synced === true &&
    record.status === 'succeeded' &&
    record.keptVideoUrl !== undefined &&
    !record.deleted &&
    (record.qualitySampler ?? 0) < QUALITY_SAMPLER
  )
}

async function check(queryClient: QueryClient, record: RenderRecord, signal: AbortSignal) {
  const url = record.keptVideoUrl!
  const { input } = record
  const frames = await sampleFrames(url, signal)
  const sound = askedForAudio(input) ? await sampleSound(url, signal) : undefined
  const flags = detectFlags(
    { ...frames, sound },
    {
      durationSeconds: typeof input.duration === 'number' ? input.duration : undefined,
      aspectRatio: typeof input.aspect_ratio === 'string' ? input.aspect_ratio : undefined,
    },
  )
  const render = await ledgerClient.reportQuality(record.localId, { sampler: QUALITY_SAMPLER, flags })
  showLater(queryClient, fromLedger(render))
}

let checked: RenderRecord[] = []

/**
 * Shows checked takes in one update when the page is idle: each update redraws the gallery, which a scroll
 * should not have to wait for.
 */
function showLater(queryClient: QueryClient, record: RenderRecord) {
  if (checked.push(record) > 1) return
  void nextIdle().then(() => {
    const renders = checked
    checked = []
    upsertFromLedger(queryClient, { renders })
  })
}

let sampling: boolean | undefined

/** Checks the take while it is on screen (a card or the viewer), when the browser is idle: see quality-queue. */
export function useQualityCheck(record: RenderRecord | undefined) {
  const queryClient = useQueryClient()
  const due = record !== undefined && needsCheck(record)
  useEffect(() => {
    sampling ??= canSampleTakes()
    if (!due || !sampling) return
    return wantCheck(record.localId, (signal) => check(queryClient, record, signal))
    // The record at the time it became due is the one to check; later changes (a poster, a rating) do not matter.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [due, record?.localId, queryClient])
}
