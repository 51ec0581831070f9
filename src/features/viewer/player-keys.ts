export type PlayerAction =
  'togglePlay' | 'back' | 'forward' | 'previousFrame' | 'nextFrame' | 'fullscreen' | 'mute' | 'leaveFullscreen'

/** The keys of common video editors and players (YouTube, Frame.io, Premiere's J/K/L). */
const KEYS: Readonly<Record<string, PlayerAction>> = {
  ' ': 'togglePlay',
  k: 'togglePlay',
  j: 'back',
  l: 'forward',
  ArrowLeft: 'previousFrame',
  ',': 'previousFrame',
  ArrowRight: 'nextFrame',
  '.': 'nextFrame',
  f: 'fullscreen',
  m: 'mute',
  Escape: 'leaveFullscreen',
}

/** Inputs that take no typing: a keystroke there is not a character. */
const UNTYPED_INPUTS = new Set(['range', 'checkbox', 'radio', 'button', 'submit', 'reset', 'color', 'file', 'image'])

function isTyping(target: Element): boolean {
  if (target instanceof HTMLInputElement) return !UNTYPED_INPUTS.has(target.type)
  return (
    target instanceof HTMLTextAreaElement ||
    target instanceof HTMLSelectElement ||
    target.closest('[contenteditable]:not([contenteditable="false"])') !== null
  )
}

/** Controls that Space activates, and that arrows move: the key keeps its own meaning there. */
const ACTIVATED_BY_SPACE =
  'button, a[href], summary, input:not([type="range"]), [role="button"], [role="checkbox"], [role="radio"]'
const MOVED_BY_ARROWS = 'input[type="range"], input[type="radio"], [role="slider"], [role="radiogroup"]'

/** What a key does to the player, or undefined where it means something else (typing, a focused button, Ctrl+F). */
export function playerActionFor(event: Pick<KeyboardEvent, 'key' | 'target' | 'ctrlKey' | 'metaKey' | 'altKey'>) {
  if (event.ctrlKey || event.metaKey || event.altKey) return undefined
  const action = KEYS[event.key.length === 1 ? event.key.toLowerCase() : event.key]
  const target = event.target
  if (!action || !(target instanceof Element) || isTyping(target)) return undefined
  if (event.key === ' ' && target.closest(ACTIVATED_BY_SPACE)) return undefined
  if (event.key.startsWith('Arrow') && target.closest(MOVED_BY_ARROWS)) return undefined
  return action
}
