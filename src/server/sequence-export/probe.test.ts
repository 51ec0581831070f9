import { describe, expect, it } from 'vitest'
import { parseProbe } from './probe'

const input = (streams: string, duration = '00:00:05.04') => `Input #0, mov,mp4,m4a,3gp,3g2,mj2, from 'take.mp4':
  Metadata:
    major_brand     : isom
  Duration: ${duration}, start: 0.000000, bitrate: 131 kb/s
${streams}
At least one output file must be specified`

describe('reading what ffmpeg says of a take', () => {
  it('reads size, rate, sound and length, not mistaking the codec tag for a size', () => {
    const text = input(
      `    Stream #0:0(und): Video: h264 (High) (avc1 / 0x31637661), yuv420p, 1280x720 [SAR 1:1 DAR 16:9], 46 kb/s, 24 fps, 24 tbr, 12288 tbn, 48 tbc (default)
    Stream #0:1(und): Audio: aac (LC) (mp4a / 0x6134706D), 44100 Hz, mono, fltp, 69 kb/s (default)`,
    )
    expect(parseProbe(text)).toEqual({
      width: 1280,
      height: 720,
      fps: { num: 24, den: 1 },
      hasAudio: true,
      durationMs: 5040,
    })
  })

  it('keeps NTSC rates exact and finds no sound when there is none', () => {
    const text = input(
      `    Stream #0:0(und): Video: h264 (High) (avc1 / 0x31637661), yuv420p, 720x1280 [SAR 1:1 DAR 9:16], 44 kb/s, 29.97 fps, 29.97 tbr, 30k tbn, 59.94 tbc (default)`,
      '00:01:02.50',
    )
    expect(parseProbe(text)).toMatchObject({ fps: { num: 30000, den: 1001 }, hasAudio: false, durationMs: 62_500 })
  })

  it('reads a WebM take, whose size is followed by a comma, and falls back on tbr', () => {
    const text = input(
      `    Stream #0:0: Video: vp9 (Profile 1), gbrp(pc, gbr/unknown/unknown, progressive), 320x180, SAR 1:1 DAR 16:9, 25 tbr, 1k tbn, 1k tbc`,
    )
    expect(parseProbe(text)).toMatchObject({ width: 320, height: 180, fps: { num: 25, den: 1 } })
  })

  it('refuses a file with no video stream or no length', () => {
    expect(parseProbe(input(`    Stream #0:0: Audio: mp3, 44100 Hz, stereo, fltp, 128 kb/s`))).toBeUndefined()
    expect(parseProbe('take.mp4: Invalid data found when processing input')).toBeUndefined()
    expect(parseProbe(input(`    Stream #0:0: Video: h264, yuv420p, 320x180, 25 fps, 25 tbr`, 'N/A'))).toBeUndefined()
  })
})
