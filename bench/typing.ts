import type { Locator, Page } from '@playwright/test'
import { catalogV1 } from '../src/catalog/models-v1'
import { chooseModel } from '../e2e/choose-model'
import { launchBrowser, median, percentile, round1 } from './browser'

export interface TypingFigures {
  /** What was typed into: `plain textarea`, or a model's prompt or negative prompt in the studio. */
  target: string
  medianMs: number
  p95Ms: number
  /** The plain textarea's figures from the round measured just before this one. */
  plainMedianMs: number
  plainP95Ms: number
}

const LENGTH = 2000

/**
 * Keystroke → the frame after it: from the input event's timestamp to a task queued after the next animation
 * frame (what a typist sees), for `keystrokes` keys typed at the end of a field already near 2,000 characters.
 */
async function keyToFrame(page: Page, field: Locator, keystrokes: number): Promise<number[]> {
  await field.fill('a'.repeat(LENGTH - keystrokes))
  await field.evaluate((el) => {
    const latencies: number[] = []
    ;(window as unknown as { __latencies: number[] }).__latencies = latencies
    el.addEventListener('input', (event) => {
      const at = event.timeStamp
      requestAnimationFrame(() => setTimeout(() => latencies.push(performance.now() - at), 0))
    })
  })
  await field.press('End')
  await page.keyboard.type('b'.repeat(keystrokes))
  await page.waitForTimeout(300)
  return page.evaluate(() => (window as unknown as { __latencies: number[] }).__latencies)
}

const figures = (values: number[]) => ({ median: round1(median(values)), p95: round1(percentile(values, 0.95)) })

/**
 * Typing into every model's prompt (and negative prompt where it has one) in the studio, each round right after the
 * same keys into a plain textarea on a page with no script, in one browser: the machine's noise hits both alike.
 */
export async function measureTyping(
  studioUrl: string,
  textareaUrl: string,
  keystrokes = 100,
): Promise<TypingFigures[]> {
  const browser = await launchBrowser()
  const results: TypingFigures[] = []
  try {
    const plain = await browser.newPage()
    await plain.goto(textareaUrl)
    const studio = await browser.newPage()
    await studio.goto(studioUrl)

    for (const model of catalogV1.models) {
      await studio.bringToFront()
      await chooseModel(studio, model.name)
      const fields = ['Prompt', ...('negative_prompt' in model.fields ? ['Negative prompt'] : [])]
      for (const label of fields) {
        await plain.bringToFront()
        const base = figures(await keyToFrame(plain, plain.getByLabel('Prompt'), keystrokes))
        await studio.bringToFront()
        const own = figures(await keyToFrame(studio, studio.getByLabel(label, { exact: true }), keystrokes))
        results.push({
          target: `${model.name}: ${label.toLowerCase()}`,
          medianMs: own.median,
          p95Ms: own.p95,
          plainMedianMs: base.median,
          plainP95Ms: base.p95,
        })
      }
    }
  } finally {
    await browser.close()
  }
  return results
}
