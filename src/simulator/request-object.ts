import type { Model } from '@/catalog/catalog-schema'
import { DEMO_FLAWED_CLIPS } from '@/catalog/demo-clips'
import type { CreateRequestBody, VideoInput } from '@/catalog/request-schema'
import { pickDemoClip } from './demo-media'
import { enhancePrompt } from './enhance'

export interface SimulatorTiming {
  /** How long a request stays queued. */
  queuedMs: number
  /** How long it then stays processing. */
  processingMs: number
  /** The poll_after_ms the create answer carries. */
  pollAfterMs: number
}

export interface StoredRequest {
  id: string
  body: CreateRequestBody
  bodyJson: string
  createdAtMs: number
  billableCredits: number
  /** Decided at creation from the fault knobs: how this render ends. */
  /** black, frozen: succeeds with a flawed take. */
  fate: 'succeed' | 'fail' | 'stuck' | 'black' | 'frozen'
  failureReason?: string
}

export interface RequestContext {
  timing: SimulatorTiming
  models: Map<string, Model>
  now: () => number
}

const RETENTION_DAYS = 7
const DAY_MS = 86_400_000

function outputOf(request: StoredRequest, { models }: RequestContext) {
  const { body } = request
  if (body.operation === 'prompt.enhance.video') {
    return { enhancedPrompt: enhancePrompt(body.input), model: 'gpt-5-mini', operation: body.operation }
  }
  const input: VideoInput = body.input
  const model = models.get(input.model)!
  const aspectSpec = model.fields.aspect_ratio
  const aspectRatio = input.aspect_ratio ?? (aspectSpec?.type === 'enum' ? aspectSpec.default : '16:9')
  const durationSpec = model.fields.duration
  const seconds = input.duration ?? (durationSpec?.type === 'integer' ? durationSpec.default : undefined)
  // The output tells what the clip is, which may differ from what was asked: its real length and ratio.
  const clip =
    request.fate === 'black' || request.fate === 'frozen'
      ? DEMO_FLAWED_CLIPS[request.fate]
      : pickDemoClip({ aspectRatio, seconds, seed: input.seed, prompt: input.prompt })
  return {
    task_id: `vid_${request.id.slice(4)}`,
    asset_type: 'video',
    status: 'succeeded',
    video_url: clip.path,
    provider: model.provider,
    model: model.id,
    duration: clip.seconds,
    aspect_ratio: clip.aspectRatio,
  }
}

/** The request object Cannon's GET /api/v1/requests/:id answers, as of `ctx.now()`. */
export function requestObject(request: StoredRequest, ctx: RequestContext) {
  const { timing, now } = ctx
  const elapsed = now() - request.createdAtMs
  const startedAtMs = elapsed >= timing.queuedMs ? request.createdAtMs + timing.queuedMs : null
  const ended = request.fate !== 'stuck' && elapsed >= timing.queuedMs + timing.processingMs
  if (ended && request.fate === 'fail') return failedObject(request, startedAtMs!, ctx)
  const completedAtMs = ended ? request.createdAtMs + timing.queuedMs + timing.processingMs : null
  const status = ended ? 'succeeded' : startedAtMs ? 'processing' : 'queued'
  const output = ended
    ? outputOf(request, ctx)
    : startedAtMs
      ? { task_id: `vid_${request.id.slice(4)}`, status: 'processing', provider: providerOf(request, ctx) }
      : null
  const prompt = request.body.input.prompt
  return {
    id: request.id,
    operation: request.body.operation,
    status,
    billableCredits: request.billableCredits,
    inputPreview: prompt.slice(0, 120),
    ...(ended && output && 'video_url' in output ? { outputPreview: `Asset ready: ${output.video_url}` } : {}),
    createdAtMs: request.createdAtMs,
    startedAtMs,
    completedAtMs,
    errorMessage: null,
    output,
    ...(ended
      ? {
          requestLog: {
            available: true,
            retentionDays: RETENTION_DAYS,
            retainedUntilMs: completedAtMs! + RETENTION_DAYS * DAY_MS,
            input: request.body.input,
            output,
            errorMessage: null,
          },
        }
      : {}),
  }
}

function failedObject(request: StoredRequest, startedAtMs: number, ctx: RequestContext) {
  const { timing } = ctx
  const completedAtMs = request.createdAtMs + timing.queuedMs + timing.processingMs
  return {
    id: request.id,
    operation: request.body.operation,
    status: 'failed',
    billableCredits: 0,
    inputPreview: request.body.input.prompt.slice(0, 120),
    createdAtMs: request.createdAtMs,
    startedAtMs,
    completedAtMs,
    errorMessage: request.failureReason ?? 'The render failed',
    output: { task_id: `vid_${request.id.slice(4)}`, status: 'failed', provider: providerOf(request, ctx) },
  }
}

function providerOf(request: StoredRequest, { models }: RequestContext): string {
  const { body } = request
  return body.operation === 'video.generate' ? (models.get(body.input.model)?.provider ?? 'cannon') : 'openai'
}
