import type { RenderRecord } from '@/features/renders/render-record'

export function Player({ record, onClose }: { record: RenderRecord; onClose: () => void }) {
  const url = record.output?.video_url
  return (
    <section aria-label="Viewer" className="flex flex-col gap-3 rounded-xl border border-ink-700 bg-ink-900 p-4">
      <div className="flex items-center justify-between">
        <h2 className="line-clamp-1 text-sm font-semibold">{record.input.prompt}</h2>
        <button type="button" onClick={onClose} className="text-sm text-ink-400 hover:text-ink-200">
          Close
        </button>
      </div>
      {url ? (
        <video
          src={url}
          controls
          autoPlay
          loop
          playsInline
          className="max-h-[60vh] w-full rounded-lg bg-black"
          aria-label="Render video"
        />
      ) : (
        <p className="text-sm text-ink-400">This render has no video yet.</p>
      )}
    </section>
  )
}
