// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest'
import { DEFAULT_CONFIRM_OVER, readConfirmThreshold, saveConfirmThreshold } from './confirm-threshold'
import { answerSpendQuestion, askToSpend } from './spend-question'

describe('the spend guard', () => {
  beforeEach(() => {
    localStorage.clear()
  })

  it(`asks before ${DEFAULT_CONFIRM_OVER} credits by default, and keeps what a creative sets`, () => {
    expect(readConfirmThreshold()).toBe(DEFAULT_CONFIRM_OVER)
    saveConfirmThreshold(50)
    expect(readConfirmThreshold()).toBe(50)
    saveConfirmThreshold(null)
    expect(readConfirmThreshold()).toBeNull()
  })

  it('lets an action at or under the threshold, or of unknown cost, go without asking', async () => {
    saveConfirmThreshold(100)
    await expect(askToSpend(100, 'Generate')).resolves.toBe(true)
    await expect(askToSpend(null, 'Generate')).resolves.toBe(true)
    saveConfirmThreshold(null)
    await expect(askToSpend(10_000, 'Generate')).resolves.toBe(true)
  })

  it('waits for the answer over the threshold: yes spends, no does not', async () => {
    saveConfirmThreshold(100)
    const yes = askToSpend(101, 'Re-run')
    answerSpendQuestion(true)
    await expect(yes).resolves.toBe(true)
    const no = askToSpend(400, '4 variations')
    answerSpendQuestion(false)
    await expect(no).resolves.toBe(false)
  })

  it('a second question while one is open calls the first one off', async () => {
    saveConfirmThreshold(0)
    const first = askToSpend(30, 'Generate')
    const second = askToSpend(30, 'Generate')
    await expect(first).resolves.toBe(false)
    answerSpendQuestion(true)
    await expect(second).resolves.toBe(true)
  })
})
