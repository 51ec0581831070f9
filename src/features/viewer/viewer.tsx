import { useQuery } from '@tanstack/react-query'
import { Suspense, useRef, useState } from 'react'
import type { Catalog } from '@/catalog/catalog-schema'
import type { Relation } from '@/catalog/render-contract'
import type { VideoInput } from '@/catalog/request-schema'
import { Modal } from '@/components/modal'
import { PanelFallback } from '@/components/panel-fallback'
import { lazyWithRetry } from '@/lib/lazy-with-retry'
import { StatusBadge } from '@/components/status-badge'
import { RatingButtons } from '@/components/rating-buttons'
import { RerunButton } from '@/components/rerun-button'
import { VariationsDialog } from '@/components/variations-dialog'
import { capturePosterFrame, posterOf } from '@/features/renders/poster'
import { durationOf, isShareable, keepNotice, statusWord, videoUrlOf } from '@/features/renders/render-record'
import { takeDownload } from '@/features/renders/take-download'
import { FlagList } from '@/features/quality/flag-badges'
import { useQualityCheck } from '@/features/quality/use-quality-check'
import { LastFrameButton } from './last-frame-button'
import { rendersQuery } from '@/features/renders/renders-cache'
import { useRenderActions } from '@/features/renders/use-render-actions'
import { continueClipInput, MAX_VARIATIONS, MIN_VARIATIONS } from '@/features/renders/variations'
import { CopyLinkButton } from './copy-link-button'
import { InputDetails } from './input-details'
import { NumbersSection } from './numbers-section'
import { Player } from './player'

interface ViewerProps {
  localId: string
  catalog: Catalog
  onClose: () => void
  /** Loads an input into the composer; what is made from it comes from this render (`relation`). */
  onRemix: (input: VideoInput, parentId: string, relation: Relation) => void
  /** Shows the render's family (Lineage). */
  onLineage: (localId: string) => void
  /** A review link to this take. */
  onShare: (localId: string) => void
}

// Loads after the player: the first frame of the take comes first.
const CommentsPanel = lazyWithRetry(() => import('@/features/review/comments-panel'))

const actionClass = 'rounded-lg border border-ink-600 px-3 py-1.5 text-sm text-ink-200 hover:bg-ink-800'
// A flagged take's Re-run: the thing to do.
const flaggedActionClass =
  'rounded-lg border border-amber-500 bg-amber-950/60 px-3 py-1.5 text-sm text-amber-100 hover:bg-amber-950'
const headingClass = 'text-xs font-semibold tracking-wide text-ink-400 uppercase'

/** One render up close: the player, its full input, and what can be done with it. */
export default function Viewer({ localId, catalog, onClose, onRemix, onLineage, onShare }: ViewerProps) {
  const { data: renders = [] } = useQuery(rendersQuery)
  const record = renders.find((r) => r.localId === localId)
  const actions = useRenderActions()
  const [varying, setVarying] = useState(false)
  const [seekRequest, setSeekRequest] = useState<{ seconds: number }>()
  const videoRef = useRef<HTMLVideoElement>(null)
  // The address the player opened with: the studio's kept copy arriving meanwhile (the same take) would
  // otherwise load it again, from its start and playing, under the person's hands.
  const [opened, setOpened] = useState<{ localId: string; url: string }>()
  const latestUrl = record && videoUrlOf(record)
  if (latestUrl && opened?.localId !== localId) setOpened({ localId, url: latestUrl })
  useQualityCheck(record)
  if (!record) return null

  const model = catalog.models.find((m) => m.id === record.input.model)
  const url = opened?.localId === localId ? opened.url : latestUrl
  const download = takeDownload(record)
  const poster = posterOf(record)
  const continued = continueClipInput(record)
  const flags = record.qualityFlags ?? []

  return (
    <Modal label={record.input.prompt} onClose={onClose}>
      <div className="grid gap-4 lg:grid-cols-[1fr_320px]">
        <div className="flex flex-col gap-2">
          {url ? (
            <Player
              url={url}
              poster={poster}
              knownDuration={durationOf(record)}
              seekRequest={seekRequest}
              videoRef={videoRef}
              onFirstFrame={(video) => {
                if (poster) return
                const captured = capturePosterFrame(video)
                if (captured) void actions.savePoster(record, captured)
              }}
            />
          ) : (
            <div className="flex aspect-video items-center justify-center rounded-lg bg-ink-800 text-sm text-ink-400">
              {record.status === 'failed' ? 'This render failed.' : 'This render has no video yet.'}
            </div>
          )}
        </div>
        <div className="flex flex-col gap-3">
          <div className="flex items-center gap-2">
            <StatusBadge word={statusWord(record)} />
            {record.pollError && <span className="text-xs text-amber-300">Reconnecting</span>}
            {record.synced && (
              <div className="ml-auto">
                <RatingButtons rating={record.rating} onRate={(rating) => void actions.rate(record, rating)} />
              </div>
            )}
          </div>
          {keepNotice(record) && <p className="text-sm text-amber-300">{keepNotice(record)}</p>}
          {flags.length > 0 && (
            <section aria-label="Quality flags" className="flex flex-col gap-1">
              <h3 className={headingClass}>Quality check</h3>
              <FlagList flags={flags} onSeek={(seconds) => setSeekRequest({ seconds })} />
            </section>
          )}
          {record.status === 'failed' && record.errorMessage && (
            <p role="alert" className="text-sm text-red-300">
              {record.errorMessage}
            </p>
          )}
          <div className="flex flex-wrap gap-2">
            {download && (
              <a href={download.href} download={download.fileName} className={actionClass}>
                Download
              </a>
            )}
            {url && <CopyLinkButton url={url} className={actionClass} />}
            <RerunButton
              model={model}
              input={record.input}
              className={flags.length ? flaggedActionClass : actionClass}
              onClick={() => void actions.rerun(record)}
            />
            <button type="button" className={actionClass} onClick={() => setVarying(true)}>
              Variations
            </button>
            <button
              type="button"
              className={actionClass}
              onClick={() => onRemix(record.input as VideoInput, record.localId, 'remix')}
            >
              Remix
            </button>
            {record.keptVideoUrl && (
              <LastFrameButton
                record={record}
                sameOriginUrl={record.keptVideoUrl}
                models={catalog.models}
                className={actionClass}
                onUse={onRemix}
              />
            )}
            {continued && (
              <button
                type="button"
                className={actionClass}
                onClick={() => onRemix(continued, record.localId, 'continue')}
              >
                Continue clip
              </button>
            )}
            <button type="button" className={actionClass} onClick={() => onLineage(record.localId)}>
              Lineage
            </button>
            {isShareable(record) && (
              <button type="button" className={actionClass} onClick={() => onShare(record.localId)}>
                Share
              </button>
            )}
          </div>
          {url && record.synced && record.status === 'succeeded' && (
            <Suspense fallback={<PanelFallback label="the comments" />}>
              <CommentsPanel
                renderId={record.localId}
                videoRef={videoRef}
                onSeek={(seconds) => setSeekRequest({ seconds })}
              />
            </Suspense>
          )}
          <NumbersSection record={record} />
          <section aria-label="Input" className="flex flex-col gap-2">
            <h3 className={headingClass}>Input</h3>
            <InputDetails record={record} model={model} />
          </section>
        </div>
      </div>
      {varying && (
        <VariationsDialog
          prompt={record.input.prompt}
          min={MIN_VARIATIONS}
          max={MAX_VARIATIONS}
          seeded={model?.fields.seed !== undefined}
          model={model}
          input={record.input}
          onCancel={() => setVarying(false)}
          onConfirm={(count, tweak) => {
            void actions.variations(record, model, count, tweak)
            setVarying(false)
          }}
        />
      )}
    </Modal>
  )
}
