import { describe, expect, it } from 'vitest'
import { namesModelOrValue, refusedField } from './cannon-refusal'

describe('refusedField', () => {
  it.each([
    [{ error: { message: 'x', field: 'duration' } }, 'duration'],
    [{ error: { message: 'x', field: 'input.duration' } }, 'duration'],
    [{ error: { message: 'x', param: 'input.aspect_ratio' } }, 'aspect_ratio'],
    [{ message: 'x', path: '/input/reference_image_urls/0' }, 'reference_image_urls'],
    [{ error: { path: ['input', 'resolution'] } }, 'resolution'],
    [{ field: 'input.reference_image_urls[2]' }, 'reference_image_urls'],
    [{ error: { message: 'x' } }, undefined],
    [{ error: { field: 42 } }, undefined],
    ['not an object', undefined],
  ])('%j → %s', (body, field) => {
    expect(refusedField(body)).toBe(field)
  })
})

describe('namesModelOrValue', () => {
  const input = { model: 'sora2', prompt: 'a pier', duration: 20, image_url: 'https://a.example/f.jpg' }
  it.each([
    ['model', 'Unknown model', true],
    [undefined, 'sora2 is no longer available', true],
    [undefined, 'unsupported model', true],
    ['duration', 'duration must be one of 4, 8, 12', true],
    ['prompt', 'prompt is too long', false],
    ['image_url', 'the image could not be fetched', false],
    [undefined, 'Something went wrong', false],
    ['prompt', 'sora2 refused: the prompt names a real person', false],
    [undefined, 'sora2 refused: the prompt names a real person', false],
    [undefined, 'blocked by the content policy', false],
    [undefined, 'sora2pro is busy, try sora2', true],
    [undefined, 'sora20 is not a thing', false],
  ])('%s: %s → %s', (field, message, expected) => {
    expect(namesModelOrValue(field, message, input)).toBe(expected)
  })
})
