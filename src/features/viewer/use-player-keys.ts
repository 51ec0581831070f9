import { useEffect, useEffectEvent, type RefObject } from 'react'
import { playerActionFor, type PlayerAction } from './player-keys'

/** What the player does for each action; returning false says it did nothing, so the key goes on its way. */
export type PlayerKeyHandlers = Partial<Record<PlayerAction, () => boolean | void>>

/**
 * The player's keys, heard wherever focus is in the dialog that holds `ref` (or in `ref` itself when no dialog
 * does), except inside another dialog opened over it. Listens on the element itself, so a key it handles (Escape
 * leaving fullscreen) stops before the dialog's own handler would close it.
 */
export function usePlayerKeys(ref: RefObject<HTMLElement | null>, handlers: PlayerKeyHandlers) {
  const onKey = useEffectEvent((event: KeyboardEvent, dialog: Element | null) => {
    const action = playerActionFor(event)
    if (!action || !(event.target instanceof Element) || event.target.closest('[role="dialog"]') !== dialog) return
    const handler = handlers[action]
    if (!handler || handler() === false) return
    event.preventDefault()
    event.stopPropagation()
  })
  useEffect(() => {
    const dialog = ref.current?.closest<HTMLElement>('[role="dialog"]') ?? null
    const scope = dialog ?? ref.current
    if (!scope) return
    const listener = (event: KeyboardEvent) => onKey(event, dialog)
    scope.addEventListener('keydown', listener)
    return () => scope.removeEventListener('keydown', listener)
  }, [ref])
}
