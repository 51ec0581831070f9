import { afterEach, beforeEach } from 'vitest'

// Tests fail on an unexpected console.error (epic-stack's rule): a warning nobody reads is a bug nobody fixes.
let errors: unknown[][] = []
const original = console.error
beforeEach(() => {
  errors = []
  console.error = (...args: unknown[]) => {
    errors.push(args)
  }
})
afterEach(() => {
  console.error = original
  if (errors.length > 0)
    throw new Error(`Unexpected console.error: ${errors.map((e) => e.map(String).join(' ')).join('\n')}`)
})
