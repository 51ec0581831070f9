import { useEffect, useEffectEvent, useRef, useState } from 'react'
import type { Shot } from '@/catalog/sequence-contract'
import { videoUrlOf, type RenderRecord } from '@/features/renders/render-record'
import type { CutMeasure } from './cut-measure'
import type { CutTools } from './cut-tools'
import { DEFAULT_FPS } from './timeline'

/** One cut: the frame the outgoing shot ends on and the one the incoming shot starts on. */
export interface CutSpec {
  /** The take ids and trims that decide both frames: a change to either is a new cut to check. */
  key: string
  outgoing: { url: string; atSeconds: number }
  incoming: { url: string; atSeconds: number }
}

export type CutOutcome =
  | { state: 'checked'; measure: CutMeasure; outgoingImage: string; incomingImage: string }
  | { state: 'failed'; message: string }

// Each grab aims at the middle of its frame, so a seek a hair early or late still lands on it.
const HALF_FRAME_S = 0.5 / DEFAULT_FPS

/** A take's file a canvas may read: its kept copy, else a file already on the studio's origin (a demo clip). */
function readableUrl(take: RenderRecord): string | undefined {
  const url = videoUrlOf(take)
  if (!url) return undefined
  return take.keptVideoUrl || new URL(url, location.href).origin === location.origin ? url : undefined
}

/**
 * The cuts of the sequence as far as they can be checked: shot i → i+1, undefined while a take is unknown or
 * has no copy the studio may read.
 */
export function cutsOf(shots: readonly Shot[], takes: ReadonlyMap<string, RenderRecord>): (CutSpec | undefined)[] {
  return shots.slice(1).map((incoming, i) => {
    const outgoing = shots[i]!
    const outTake = takes.get(outgoing.activeTakeId)
    const inTake = takes.get(incoming.activeTakeId)
    const outUrl = outTake && readableUrl(outTake)
    const inUrl = inTake && readableUrl(inTake)
    if (!outUrl || !inUrl) return undefined
    return {
      key: `${outgoing.activeTakeId}@${outgoing.outMs}>${incoming.activeTakeId}@${incoming.inMs}`,
      outgoing: { url: outUrl, atSeconds: outgoing.outMs / 1000 - HALF_FRAME_S },
      incoming: { url: inUrl, atSeconds: incoming.inMs / 1000 + HALF_FRAME_S },
    }
  })
}

async function check(cut: CutSpec, tools: CutTools): Promise<CutOutcome> {
  try {
    const outgoing = await tools.grab(cut.outgoing.url, cut.outgoing.atSeconds)
    const incoming = await tools.grab(cut.incoming.url, cut.incoming.atSeconds)
    const measure = await tools.measure(outgoing.pixels, incoming.pixels)
    return {
      state: 'checked',
      measure,
      outgoingImage: URL.createObjectURL(outgoing.image),
      incomingImage: URL.createObjectURL(incoming.image),
    }
  } catch (error) {
    return { state: 'failed', message: error instanceof Error ? error.message : 'The cut could not be checked' }
  }
}

const revoke = (outcome: CutOutcome) => {
  if (outcome.state !== 'checked') return
  URL.revokeObjectURL(outcome.outgoingImage)
  URL.revokeObjectURL(outcome.incomingImage)
}

/** Results kept besides the cuts on screen (for going back to an earlier trim), each holding two frames. */
const MAX_HELD = 24

/** Lets go of the oldest results past MAX_HELD, never one of the cuts on screen. */
function prune(held: Map<string, CutOutcome>, shown: ReadonlySet<string>) {
  for (const [key, outcome] of held) {
    if (held.size <= MAX_HELD) return
    if (shown.has(key)) continue
    revoke(outcome)
    held.delete(key)
  }
}

/**
 * Checks the given cuts one at a time while mounted, each once per key: a trim, a move or another take makes a
 * new key, and going back finds the old result (of the last MAX_HELD). Object URLs of the frames live as long as
 * the result does.
 */
export function useCutChecks(cuts: readonly (CutSpec | undefined)[], tools: CutTools): ReadonlyMap<string, CutOutcome> {
  const held = useRef(new Map<string, CutOutcome>())
  const open = useRef(false)
  const queue = useRef(Promise.resolve())
  const [results, setResults] = useState<ReadonlyMap<string, CutOutcome>>(() => new Map())
  const current = useEffectEvent(() => cuts)
  const keys = cuts.map((cut) => cut?.key ?? '').join(' ')

  useEffect(() => {
    open.current = true
    const checked = held.current
    return () => {
      open.current = false
      for (const outcome of checked.values()) revoke(outcome)
      checked.clear()
      tools.close()
    }
  }, [tools])

  useEffect(() => {
    let wanted = true
    // Runs after any check already under way, so only one cut is grabbed and measured at a time.
    queue.current = queue.current.then(async () => {
      for (const cut of current()) {
        if (!wanted) return
        if (!cut || held.current.has(cut.key)) continue
        const outcome = await check(cut, tools)
        if (!open.current) return revoke(outcome)
        held.current.set(cut.key, outcome)
        prune(held.current, new Set(current().flatMap((c) => (c ? [c.key] : []))))
        setResults(new Map(held.current))
      }
    })
    return () => {
      wanted = false
    }
  }, [keys, tools])

  return results
}
