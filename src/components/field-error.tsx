/** The message under a field; its id goes into the control's aria-describedby. */
export function FieldError({ id, message }: { id: string; message: string | undefined }) {
  if (!message) return null
  return (
    <p id={id} className="text-xs text-red-300">
      {message}
    </p>
  )
}
