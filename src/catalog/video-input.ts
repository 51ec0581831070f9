/** The `input` of a video.generate request, as sent on the wire. */
export interface VideoInput {
  model: string
  prompt: string
  negative_prompt?: string
  duration?: number
  aspect_ratio?: string
  resolution?: string
  seed?: number
  image_url?: string
  first_frame_url?: string
  last_frame_url?: string
  end_image_url?: string
  reference_image_urls?: string[]
  source_video_url?: string
  first_clip_url?: string
  audio_url?: string
  prompt_extend?: boolean
  watermark?: boolean
  nsfw_checker?: boolean
}

export interface SchemaOptions {
  /** Demo mode also accepts the studio's own demo media (paths under /demo/). */
  allowDemoMedia: boolean
}

export const DEMO_MEDIA_PREFIX = '/demo/'
/** Files uploaded to the studio's own media store, as demo mode addresses them (the simulator stands in for Cannon). */
export const STUDIO_MEDIA_PREFIX = '/media/'

export function isAcceptedMediaUrl(value: string, options: SchemaOptions): boolean {
  const ownFile = value.startsWith(DEMO_MEDIA_PREFIX) || value.startsWith(STUDIO_MEDIA_PREFIX)
  if (options.allowDemoMedia && ownFile && !value.includes('..')) return true
  if (!value.startsWith('https://')) return false
  return URL.canParse(value)
}
