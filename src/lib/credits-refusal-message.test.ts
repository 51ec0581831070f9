import { describe, expect, it } from 'vitest'
import { creditsRefusalMessage } from './bff-client'

describe('creditsRefusalMessage', () => {
  it("adds Cannon's balance and what the render needed when it said them", () => {
    const body = {
      error: { code: 'insufficient_credits', message: 'Not enough credits', credits: { balance: 12, asked: 1500 } },
    }
    expect(creditsRefusalMessage(body)).toBe('Not enough credits (balance 12 credits; this render needs 1,500)')
  })

  it('keeps the plain message when no numbers came, and the cap message as it is', () => {
    expect(creditsRefusalMessage({ error: { code: 'insufficient_credits', message: 'No credits', credits: {} } })).toBe(
      'No credits',
    )
    const cap = { error: { code: 'daily_cap', message: "The studio's daily cap of 100 credits would be passed" } }
    expect(creditsRefusalMessage(cap)).toBe("The studio's daily cap of 100 credits would be passed")
  })

  it('says what happened when the body is not a credits refusal', () => {
    expect(creditsRefusalMessage('<html>')).toBe('The render was refused for credits')
  })
})
