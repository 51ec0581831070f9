import { posterOf } from '@/features/renders/poster'
import { videoUrlOf, type RenderRecord } from '@/features/renders/render-record'

/** The item's still, and a muted looping video only while it is being previewed. */
export function ItemMedia({ record, previewing }: { record: RenderRecord; previewing: boolean }) {
  const poster = posterOf(record)
  const url = videoUrlOf(record)
  return (
    <div className="relative h-40 w-full overflow-hidden bg-ink-800">
      {poster ? (
        <img src={poster} alt="" loading="lazy" decoding="async" className="h-full w-full object-contain" />
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
          className="absolute inset-0 h-full w-full bg-black object-contain"
        />
      )}
    </div>
  )
}
