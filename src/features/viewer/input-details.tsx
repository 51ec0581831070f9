import type { MediaKind } from '@/catalog/media-formats'
import type { Model } from '@/catalog/catalog-schema'
import { fieldLabel, formatInputValue } from '@/features/renders/input-fields'
import type { RenderRecord } from '@/features/renders/render-record'

/** A field's media kind: from the model's slots, else from its wire name (a render of a model since removed). */
function mediaKindOf(name: string, model: Model | undefined): MediaKind | undefined {
  const slot = model?.modes.flatMap((mode) => mode.media).find((s) => s.field === name)
  if (slot) return slot.kind
  if (!name.endsWith('_url') && !name.endsWith('_urls')) return undefined
  if (/audio/.test(name)) return 'audio'
  if (/video|clip/.test(name)) return 'video'
  return 'image'
}

/** Only web and same-origin addresses become links: an imported gallery could carry anything else. */
const isLinkable = (url: unknown): url is string =>
  typeof url === 'string' && (/^https?:\/\//i.test(url) || (url.startsWith('/') && !url.startsWith('//')))

const fileName = (url: string) => decodeURIComponent(url.split(/[?#]/)[0]!.split('/').pop() || url)

function MediaLink({ kind, url, label }: { kind: MediaKind; url: string; label: string }) {
  const thumb = 'h-16 w-auto max-w-full self-start rounded-md bg-ink-800 object-cover'
  const name = fileName(url)
  return (
    <a
      href={url}
      target="_blank"
      rel="noreferrer"
      title={url}
      aria-label={`${label}: ${name}`}
      className="flex flex-col gap-1 rounded-md text-ink-200 hover:text-accent-300 focus-visible:outline-2 focus-visible:outline-accent-400"
    >
      {kind === 'image' && <img src={url} alt="" loading="lazy" className={thumb} />}
      {kind === 'video' && <video src={url} preload="metadata" muted aria-hidden="true" className={thumb} />}
      <span className="truncate text-xs underline decoration-ink-600 underline-offset-2">{name}</span>
    </a>
  )
}

function Value({ name, value, model }: { name: string; value: unknown; model: Model | undefined }) {
  const kind = mediaKindOf(name, model)
  const urls = Array.isArray(value) ? value : [value]
  if (!kind || urls.length === 0 || !urls.every(isLinkable)) return <>{formatInputValue(value, model, name)}</>
  return (
    <div className="flex flex-col gap-1">
      {urls.map((url, i) => (
        <MediaLink
          key={i}
          kind={kind}
          url={url}
          label={urls.length > 1 ? `${fieldLabel(name)} ${i + 1}` : fieldLabel(name)}
        />
      ))}
    </div>
  )
}

/** Every field of the input the render was made with, as sent; media as thumbnails that open the file. */
export function InputDetails({ record, model }: { record: RenderRecord; model: Model | undefined }) {
  const entries = Object.entries(record.input).filter(([name]) => name !== 'model')
  return (
    <dl className="grid grid-cols-[max-content_minmax(0,1fr)] gap-x-4 gap-y-1 text-sm">
      <dt className="text-ink-400">Model</dt>
      <dd className="text-ink-200">{model?.name ?? record.input.model}</dd>
      {entries.map(([name, value]) => (
        <div key={name} className="contents">
          <dt className="text-ink-400">{fieldLabel(name)}</dt>
          <dd className="break-words whitespace-pre-wrap text-ink-200">
            <Value name={name} value={value} model={model} />
          </dd>
        </div>
      ))}
    </dl>
  )
}
