import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { useEffect, useRef, useState } from 'react'
import { expect, it } from 'vitest'
import { SmallDialog } from './small-dialog'

function Opener() {
  const [open, setOpen] = useState(false)
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        Add to sequence
      </button>
      {open && (
        <SmallDialog label="Add to sequence" onClose={() => setOpen(false)}>
          <FocusedField />
        </SmallDialog>
      )}
    </>
  )
}

function FocusedField() {
  const ref = useRef<HTMLInputElement>(null)
  useEffect(() => ref.current?.focus(), [])
  return <input ref={ref} aria-label="Name" />
}

it('starts in its first field, closes on Escape and gives focus back to the button that opened it', async () => {
  const user = userEvent.setup()
  render(<Opener />)
  await user.click(screen.getByRole('button', { name: 'Add to sequence' }))
  expect(screen.getByRole('dialog', { name: 'Add to sequence' })).toBeInTheDocument()
  expect(screen.getByLabelText('Name')).toHaveFocus()
  await user.keyboard('{Escape}')
  expect(screen.queryByRole('dialog')).toBeNull()
  expect(screen.getByRole('button', { name: 'Add to sequence' })).toHaveFocus()
})
