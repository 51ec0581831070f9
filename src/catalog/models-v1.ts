import type { Catalog, FieldSpec, Mode, Source } from './catalog-schema'
import {
  documented,
  provider,
  inferred,
  prompt,
  duration,
  choice,
  seed,
  toggle,
  textOnly,
  firstFrame,
  firstLast,
  reference,
} from './catalog-builders'

/*
 * Catalog v1 (DESIGN.md "Model catalog v1"), reviewed against the providers' published limits (2026-11). Every
 * value carries its source: Cannon's docs ("documented"), a provider's limits ("provider") or the studio's
 * inference ("inferred"); where Cannon and a provider disagree, Cannon's word wins and the line says so.
 * Cannon, not the studio, decides: a doubtful model stays composable. STUDIO_CATALOG_FILE replaces all of it
 * without a rebuild (`npm run catalog:check -- --write FILE` writes one from Cannon's OpenAPI).
 */

const seedanceFields = (resolutions: string[], resolutionSource: Source): Record<string, FieldSpec> => ({
  prompt: prompt(),
  duration: duration({ min: 4, max: 15, default: 5 }, provider('BytePlus ModelArk Seedance 2.0: 4–15 s, default 5')),
  aspect_ratio: choice(
    ['21:9', '16:9', '4:3', '1:1', '3:4', '9:16'],
    provider('BytePlus ModelArk: six ratios (its "adaptive" is left out: the KIE form omits it for 2.0)'),
    '16:9',
  ),
  resolution: choice(resolutions, resolutionSource, '720p'),
  seed: seed(provider('BytePlus ModelArk: seed 0–2,147,483,647')),
  watermark: toggle(false, provider("In Cannon's field list; BytePlus default: no watermark")),
  nsfw_checker: toggle(true, provider("In Cannon's field list; a KIE route toggle, on by default there")),
})
const seedanceModes: Mode[] = [
  textOnly,
  firstFrame('first_frame_url'),
  firstLast('first_frame_url'),
  reference(9, provider('BytePlus ModelArk: up to 9 reference images; KIE names them reference_image_urls')),
]

const WAN_AUDIO = documented('Cannon: Wan 2.7 uses audio_url for prompt-first renders; provider: wav/mp3 of 2–30 s')
const WAN_CONTINUE_AUDIO = documented(
  'Cannon: continuation uses source_video_url plus audio_url. Provider docs (Evolink) say continuation takes no driving audio: Cannon wins',
)
const withAudio = (mode: Mode, source = WAN_AUDIO): Mode => ({
  ...mode,
  media: [...mode.media, { field: 'audio_url', kind: 'audio', required: false, minSeconds: 2, maxSeconds: 30, source }],
})

const SORA_RETIRED = {
  status: 'retired-upstream',
  note: 'OpenAI closed the Sora 2 API on 2026-09-24; Cannon may refuse it.',
} as const
const sora = (resolutions: string[], resolutionSource: Source) => ({
  fields: {
    prompt: prompt(),
    duration: duration(
      { min: 4, max: 20, values: [4, 8, 12, 16, 20], default: 8 },
      documented('Cannon video.generate: Sora 2 uses 4, 8, 12, 16 or 20 s'),
    ),
    aspect_ratio: choice(
      ['16:9', '9:16'],
      documented('Cannon: "portrait or landscape output sizes" (the field name is inferred from the extend example)'),
    ),
    resolution: choice(resolutions, resolutionSource, '720p'),
  },
  modes: [textOnly, firstFrame('image_url')],
  availability: SORA_RETIRED,
})

export const catalogV1: Catalog = {
  version: 1,
  models: [
    {
      id: 'seedance2',
      name: 'Seedance 2.0',
      tagline: '4–15 s, up to 1080p; first/last frames or up to 9 reference images',
      provider: 'seedance',
      idInferred: false,
      source: documented('Cannon get-request example: model seedance2, provider seedance'),
      fields: seedanceFields(['480p', '720p', '1080p'], provider('BytePlus ModelArk Seedance 2.0: 480p, 720p, 1080p')),
      modes: seedanceModes,
      rules: [],
    },
    {
      id: 'seedance2fast',
      name: 'Seedance 2.0 Fast',
      tagline: 'Faster, cheaper Seedance: 4–15 s at 480p or 720p',
      provider: 'seedance',
      idInferred: true,
      source: inferred("Listed by Cannon as Seedance 2.0 Fast; the id follows Cannon's style (seedance2)"),
      fields: seedanceFields(
        ['480p', '720p'],
        provider('ModelArk, apiyi and the KIE client: Fast renders 480p and 720p only'),
      ),
      modes: seedanceModes,
      rules: [],
    },
    {
      id: 'wan27video',
      name: 'Wan 2.7',
      tagline: '2–15 s with a driving audio track; first/last frames or continue a clip',
      provider: 'wan',
      idInferred: false,
      source: documented('Cannon video.generate example: model wan27video'),
      fields: {
        prompt: prompt(),
        negative_prompt: {
          type: 'text',
          required: false,
          maxLength: 500,
          source: provider('Field documented by Cannon; Alibaba Wan 2.7 (Novita): at most 500 characters'),
        },
        duration: duration(
          { min: 2, max: 15, default: 5 },
          provider('Alibaba Wan 2.7 (Comfy, Novita): 2–15 s, default 5'),
        ),
        aspect_ratio: choice(
          ['16:9', '9:16', '1:1', '4:3', '3:4'],
          provider("Alibaba Wan 2.7 text-to-video: five ratios; a continuation takes its source clip's ratio"),
        ),
        resolution: choice(['720p', '1080p'], documented('Cannon example: "1080p"; provider: 720P or 1080P'), '1080p'),
        seed: seed(provider('Alibaba Wan 2.7: seed 0–2,147,483,647')),
        prompt_extend: toggle(true, provider("In Cannon's field list; Wan 2.7 rewrites prompts by default")),
        watermark: toggle(false, provider("In Cannon's field list; Wan 2.7 default: no watermark")),
        nsfw_checker: toggle(true, provider("In Cannon's field list; the KIE Wan 2.7 route's safety toggle")),
      },
      modes: [
        withAudio(textOnly),
        withAudio(firstFrame('image_url')),
        withAudio(firstLast('image_url')),
        withAudio(
          {
            id: 'continue',
            label: 'Continue clip',
            media: [
              {
                field: 'source_video_url',
                kind: 'video',
                required: true,
                minSeconds: 2,
                maxSeconds: 10,
                source: documented(
                  'Cannon: continuation takes source_video_url (KIE calls it first_clip_url: Cannon wins); provider: a 2–10 s clip',
                ),
              },
            ],
          },
          WAN_CONTINUE_AUDIO,
        ),
      ],
      rules: [],
    },
    {
      id: 'veo31',
      name: 'Veo 3.1',
      tagline: '4, 6 or 8 s with native audio, up to 4K; up to 3 reference images',
      provider: 'veo',
      idInferred: true,
      source: inferred("Listed by Cannon as Veo 3.1; the id follows Cannon's style"),
      fields: {
        prompt: prompt(),
        negative_prompt: {
          type: 'text',
          required: false,
          maxLength: 5000,
          source: inferred("Google Veo takes a negative prompt; no length limit is published, the prompt's is used"),
        },
        duration: duration(
          { min: 4, max: 8, values: [4, 6, 8], default: 8 },
          provider('Google Gemini API (Veo 3.1): 4, 6 or 8 s'),
        ),
        aspect_ratio: choice(
          ['16:9', '9:16'],
          provider('Google Gemini API: 16:9 or 9:16, portrait at every resolution'),
        ),
        resolution: choice(
          ['720p', '1080p', '4k'],
          provider(
            "Google Gemini API: 720p, 1080p; 4K added 2026-01-13 (changelog). Cannon's spelling of 4K is inferred",
          ),
          '720p',
        ),
        seed: seed(provider('Google Veo: an integer seed (range of the other providers assumed)')),
      },
      modes: [
        textOnly,
        firstFrame('image_url'),
        firstLast('image_url'),
        reference(3, provider('Google Gemini API: up to 3 reference images ("ingredients")')),
      ],
      rules: [
        {
          when: { field: 'mode', equals: 'reference' },
          then: { field: 'duration', oneOf: [8] },
          message: 'Veo 3.1 needs an 8 s duration with reference images',
        },
        {
          when: { field: 'resolution', equals: '1080p' },
          then: { field: 'duration', oneOf: [8] },
          message: 'Veo 3.1 needs an 8 s duration at 1080p',
        },
        {
          when: { field: 'resolution', equals: '4k' },
          then: { field: 'duration', oneOf: [8] },
          message: 'Veo 3.1 needs an 8 s duration at 4K',
        },
      ],
    },
    {
      id: 'sora2',
      name: 'Sora 2',
      tagline: '4–20 s in 4 s steps, landscape or portrait, 720p',
      provider: 'sora2',
      idInferred: true,
      source: inferred('Listed by Cannon as Sora 2; sora2.video.extend reports model sora2'),
      ...sora(['720p'], provider('OpenAI sora-2: 1280x720 and 720x1280 only')),
      rules: [],
    },
    {
      id: 'sora2pro',
      name: 'Sora 2 Pro',
      tagline: 'Sora 2 with 1080p native sizes, 4–20 s in 4 s steps',
      provider: 'sora2',
      idInferred: true,
      source: inferred("Cannon mentions Sora 2 Pro as a Sora 2 option; the id follows Cannon's style"),
      ...sora(
        ['720p', '1080p'],
        documented('Cannon: "Sora 2 Pro can request 1080p native sizes" (OpenAI lists 1792x1024 at most: Cannon wins)'),
      ),
      rules: [],
    },
    {
      id: 'grok',
      name: 'Grok',
      tagline: '6 or 10 s clips with sound, seven aspect ratios, up to 720p',
      provider: 'grok',
      idInferred: true,
      source: inferred("Listed by Cannon as Grok; the id follows Cannon's style"),
      fields: {
        prompt: prompt(4096, provider('xAI Grok Imagine: prompts of at most 4,096 characters')),
        duration: duration(
          { min: 6, max: 10, values: [6, 10], default: 6 },
          provider('KIE and Evolink Grok routes: 6 or 10 s (xAI itself allows 1–15 s)'),
        ),
        aspect_ratio: choice(
          ['16:9', '9:16', '1:1', '4:3', '3:4', '3:2', '2:3'],
          provider('xAI Grok Imagine text-to-video: seven ratios'),
        ),
        resolution: choice(['480p', '720p'], provider('xAI Grok Imagine: 480p or 720p'), '720p'),
      },
      modes: [textOnly, firstFrame('image_url')],
      rules: [],
    },
    {
      id: 'nanobanana',
      name: 'Nano Banana',
      tagline: "Google's image model in motion; no duration or resolution to set",
      provider: 'nanobanana',
      idInferred: true,
      fieldsUnverified: true,
      source: inferred("Listed by Cannon among video models; the id follows Cannon's style"),
      availability: {
        status: 'unverified',
        note: "Nano Banana is Google's image model; no public video model of that name was found, so what Cannon makes with it is unknown.",
      },
      fields: {
        prompt: prompt(),
        aspect_ratio: choice(
          ['16:9', '9:16', '1:1'],
          inferred('Common video ratios; Nano Banana video is undocumented'),
        ),
      },
      modes: [textOnly, firstFrame('image_url')],
      rules: [],
    },
  ],
}
