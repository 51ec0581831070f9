import { createReadStream } from 'node:fs'
import { basename, join } from 'node:path'
import { Readable } from 'node:stream'
import type { Render } from '@/catalog/render-contract'
import { DEMO_MEDIA_PREFIX } from '@/catalog/request-schema'
import type { Database } from '@/ledger/database'
import { setKeptVideoUrl } from '@/ledger/render-store'
import { keepTake } from '@/media/keep-take'
import type { MediaStore } from '@/media/media-store'
import { mediaPath } from '@/media/media-types'
import type { MediaHostCheck } from './media-policy'

export interface TakeKeeperOptions {
  db: Database
  store: MediaStore
  /** Demo mode: the simulator's takes are the studio's own demo clips, read from this folder. */
  demoDir?: string
  hostCheck?: MediaHostCheck
  log?: (event: Record<string, unknown>) => void
}

/**
 * Keeps a copy of every succeeded take in the media store, so takes outlive Cannon's links (Seedance's expire in
 * 24 h) and play and download from the studio's own origin. One copy at a time per render, in the background; a
 * take that cannot be copied keeps its original link, and the reason is logged.
 */
export function createTakeKeeper({ db, store, demoDir, hostCheck, log }: TakeKeeperOptions) {
  const copying = new Set<string>()

  async function copy(url: string) {
    if (demoDir && url.startsWith(DEMO_MEDIA_PREFIX)) {
      const file = createReadStream(join(demoDir, basename(url)))
      return {
        ok: true as const,
        media: await store.put(Readable.toWeb(file) as ReadableStream<Uint8Array>, { kinds: ['video'] }),
      }
    }
    return keepTake(store, url, { hostCheck })
  }

  return {
    keep(render: Render) {
      const url = render.output?.video_url
      if (render.status !== 'succeeded' || render.keptVideoUrl || !url || copying.has(render.id)) return
      copying.add(render.id)
      void copy(url)
        .then(async (result) => {
          if (!result.ok) return log?.({ level: 'warn', msg: 'take_not_kept', id: render.id, reason: result.reason })
          await setKeptVideoUrl(db, render.id, mediaPath(result.media.name))
          log?.({ msg: 'take_kept', id: render.id, bytes: result.media.bytes })
        })
        .catch((error: unknown) => log?.({ level: 'warn', msg: 'take_not_kept', id: render.id, reason: String(error) }))
        .finally(() => copying.delete(render.id))
    },
  }
}

export type TakeKeeper = ReturnType<typeof createTakeKeeper>
