import type { Render } from '@/catalog/render-contract'
import { DEMO_MEDIA_PREFIX } from '@/catalog/video-input'
import type { Database } from '@/ledger/database'
import { claimTakesToKeep, recordKeepFailure, recordKeptTake } from '@/ledger/take-copies'
import { keepTake } from '@/media/keep-take'
import type { MediaStore } from '@/media/media-store'
import { mediaPath } from '@/media/media-types'
import type { MediaHostCheck } from './media-policy'
import { openDemoClip } from './demo-clip-file'

export interface TakeKeeperOptions {
  db: Database
  store: MediaStore
  /** Demo mode: the simulator's takes are the studio's own demo clips, read from this folder. */
  demoDir?: string
  hostCheck?: MediaHostCheck
  log?: (event: Record<string, unknown>) => void
}

/** How often the studio looks for takes still without a copy, and how many it copies at a time. */
const SWEEP_EVERY_MS = 30_000
const SWEEP_BATCH = 4
/** Long enough for one copy with its retries (keepTake: 3 tries of up to 2 minutes). */
const LEASE_MS = 10 * 60_000

/**
 * Keeps a copy of every succeeded take in the media store, so takes outlive Cannon's links (Seedance's expire in
 * 24 h) and play and download from the studio's own origin: at once when a render finishes here, and from a
 * sweep for the rest (a restart, another process, a copy that failed and may pass later). A take that cannot be
 * copied keeps its original link, and the ledger says why.
 */
export function createTakeKeeper({ db, store, demoDir, hostCheck, log }: TakeKeeperOptions) {
  const copying = new Set<string>()
  let timer: ReturnType<typeof setInterval> | undefined

  async function copy(url: string) {
    if (demoDir && url.startsWith(DEMO_MEDIA_PREFIX)) {
      return {
        ok: true as const,
        media: await store.put(openDemoClip(demoDir, url), { kinds: ['video'] }),
      }
    }
    return keepTake(store, url, { hostCheck })
  }

  async function keepOne(render: Render) {
    const url = render.output?.video_url
    if (render.status !== 'succeeded' || render.keptVideoUrl || !url || copying.has(render.id)) return
    copying.add(render.id)
    try {
      const result = await copy(url).catch((error: unknown) => ({
        ok: false as const,
        reason: error instanceof Error ? error.message : String(error),
        retryable: true,
      }))
      if (result.ok) {
        await recordKeptTake(db, render.id, mediaPath(result.media.name))
        log?.({ msg: 'take_kept', id: render.id, bytes: result.media.bytes })
      } else {
        await recordKeepFailure(db, render.id, result)
        log?.({ level: 'warn', msg: 'take_not_kept', id: render.id, reason: result.reason })
      }
    } finally {
      copying.delete(render.id)
    }
  }

  const logFailure = (error: unknown) => log?.({ level: 'warn', msg: 'keeper_failed', reason: String(error) })

  async function sweep() {
    const due = await claimTakesToKeep(db, { limit: SWEEP_BATCH, nowMs: Date.now(), leaseMs: LEASE_MS })
    await Promise.all(due.map(keepOne))
  }

  return {
    keep(render: Render) {
      void keepOne(render).catch(logFailure)
    },
    sweep,
    start() {
      timer ??= setInterval(() => void sweep().catch(logFailure), SWEEP_EVERY_MS)
      timer.unref()
      void sweep().catch(logFailure)
    },
    stop() {
      clearInterval(timer)
      timer = undefined
    },
  }
}

export type TakeKeeper = ReturnType<typeof createTakeKeeper>
