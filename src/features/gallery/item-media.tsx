import { posterOf } from '@/features/renders/poster'
import { videoUrlOf, type RenderRecord } from '@/features/renders/render-record'

/**
 * The item's still at the take's own aspect ratio (the grid sizes the box to it), and a muted looping video
 * only while it is being previewed.
 */
export function ItemMedia({ record, previewing }: { record: RenderRecord; previewing: boolean }) {
  const poster = posterOf(record)
  const url = videoUrlOf(record)
  return (
    <div className="relative h-full w-full overflow-hidden bg-ink-800">
      {poster ? (
        <img src={poster} alt="" loading="lazy" decoding="async" className="h-full w-full object-cover" />
      ) : (
        <div className="flex h-full items-center justify-center text-2xl text-ink-600" aria-hidden="true">
          {record.status === 'succeeded' ? '▶' : '…'}
        </div>
      )}
      {previewing && url && (
        <video
          src={url}
          poster={poster}
          muted
          autoPlay
          loop
          playsInline
          aria-label="Preview"
          className="absolute inset-0 h-full w-full bg-black object-cover"
        />
      )}
    </div>
  )
}
