import { describe, expect, it } from 'vitest'
import { chooseCanvas } from './canvas'

const shot = (width: number, height: number, seconds: number, num = 24, den = 1) => ({
  width,
  height,
  fps: { num, den },
  inMs: 0,
  outMs: seconds * 1000,
})

describe('the export’s common frame', () => {
  it('takes the shape that runs longest, at the largest size of that shape', () => {
    const canvas = chooseCanvas([shot(1280, 720, 3), shot(720, 1280, 5), shot(1920, 1080, 4)])
    expect(canvas).toMatchObject({ width: 1920, height: 1080 })
  })

  it('takes the rate that runs longest, the higher one on a tie, keeping NTSC fractions', () => {
    expect(chooseCanvas([shot(640, 360, 2, 24), shot(640, 360, 5, 30000, 1001)]).fps).toEqual({ num: 30000, den: 1001 })
    expect(chooseCanvas([shot(640, 360, 4, 24), shot(640, 360, 4, 30)]).fps).toEqual({ num: 30, den: 1 })
  })

  it('rounds an odd size to even numbers, as H.264 in 4:2:0 needs', () => {
    expect(chooseCanvas([shot(853, 479, 2)])).toMatchObject({ width: 854, height: 480 })
  })

  it('counts trimmed time, not the takes’ full lengths', () => {
    const long = { ...shot(720, 1280, 10), inMs: 9000 }
    expect(chooseCanvas([long, shot(1280, 720, 2)])).toMatchObject({ width: 1280, height: 720 })
  })
})
