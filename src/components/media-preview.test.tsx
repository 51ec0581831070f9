import { fireEvent, render, screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { MediaPreview } from './media-preview'

const NAME = `${'ab'.repeat(32)}.png`

describe('MediaPreview', () => {
  it('loads a stored file from this studio first, then from its public address, then says it could not', () => {
    const url = `https://studio.example.com/media/${NAME}`
    render(<MediaPreview kind="image" url={url} label="First frame" errorId="e" />)
    const image = screen.getByAltText('First frame preview')
    expect(image).toHaveAttribute('src', `/media/${NAME}`)
    fireEvent.error(image)
    expect(screen.getByAltText('First frame preview')).toHaveAttribute('src', url)
    fireEvent.error(screen.getByAltText('First frame preview'))
    expect(screen.getByRole('alert')).toHaveTextContent('First frame could not be loaded.')
  })

  it('loads anything else from where it is', () => {
    const url = 'https://cdn.example.com/media/frame.png'
    render(<MediaPreview kind="image" url={url} label="First frame" errorId="e" />)
    expect(screen.getByAltText('First frame preview')).toHaveAttribute('src', url)
  })
})
