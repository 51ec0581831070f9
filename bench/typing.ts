import type { CDPSession, Locator, Page } from '@playwright/test'
import { catalogV1 } from '../src/catalog/models-v1'
import { chooseModel } from '../e2e/choose-model'
import { launchBrowser, median, percentile, round1 } from './browser'

export interface TypingFigures {
  /** What was typed into: `plain textarea`, or a model's prompt or negative prompt in the studio. */
  target: string
  medianMs: number
  p95Ms: number
  /** The plain textarea's figures, typed in the same rounds, in turn with the studio. */
  plainMedianMs: number
  plainP95Ms: number
  /** Main-thread time per key (tasks, as Chromium counts them): steadier than latency on a shared machine. */
  mainThreadMsPerKey: number
  plainMainThreadMsPerKey: number
}

const LENGTH = 2000
const ROUNDS = 5

const sessions = new WeakMap<Page, CDPSession>()

/** The main-thread time Chromium has counted for the page since the first call (its TaskDuration), in seconds. */
async function mainThreadSeconds(page: Page): Promise<number> {
  let cdp = sessions.get(page)
  if (!cdp) {
    cdp = await page.context().newCDPSession(page)
    await cdp.send('Performance.enable')
    sessions.set(page, cdp)
  }
  const { metrics } = await cdp.send('Performance.getMetrics')
  return metrics.find((metric) => metric.name === 'TaskDuration')?.value ?? NaN
}

/** What the page keeps while keys are typed (on `window`, so that the bench can read it back). */
interface Recorder {
  __latencies: number[]
  __recording: boolean
}

/**
 * Keystroke → the frame after it: from the input event's timestamp to a task queued after the next animation
 * frame (what a typist sees), for `keystrokes` keys typed at the end of a field already near 2,000 characters;
 * with the main thread's time over those keys.
 */
async function keyToFrame(field: Locator, keystrokes: number) {
  const page = field.page()
  await page.bringToFront()
  await field.fill('a'.repeat(LENGTH - keystrokes))
  await field.evaluate((el) => {
    const recorder = window as unknown as Recorder
    recorder.__latencies = []
    recorder.__recording = true
    if (el.dataset.benchListening) return
    el.dataset.benchListening = 'yes'
    el.addEventListener('input', (event) => {
      if (!recorder.__recording) return
      const at = event.timeStamp
      requestAnimationFrame(() => setTimeout(() => recorder.__latencies.push(performance.now() - at), 0))
    })
  })
  await field.press('End')
  const before = await mainThreadSeconds(page)
  await page.keyboard.type('b'.repeat(keystrokes))
  await page.waitForTimeout(300)
  const mainThreadMs = ((await mainThreadSeconds(page)) - before) * 1000
  const latencies = await page.evaluate(() => {
    const recorder = window as unknown as Recorder
    recorder.__recording = false
    return recorder.__latencies
  })
  return { latencies, mainThreadMs }
}

/** `keystrokes` keys in `ROUNDS` rounds, the plain textarea and the studio's field in turn each round. */
async function sideBySide(plain: Locator, own: Locator, keystrokes: number) {
  const perRound = Math.ceil(keystrokes / ROUNDS)
  const totals = { plain: [] as number[], own: [] as number[], plainMs: 0, ownMs: 0 }
  for (let round = 0; round < ROUNDS; round++) {
    const first = await keyToFrame(plain, perRound)
    const second = await keyToFrame(own, perRound)
    totals.plain.push(...first.latencies)
    totals.own.push(...second.latencies)
    totals.plainMs += first.mainThreadMs
    totals.ownMs += second.mainThreadMs
  }
  const keys = perRound * ROUNDS
  return { ...totals, plainMs: round1(totals.plainMs / keys), ownMs: round1(totals.ownMs / keys) }
}

const figures = (values: number[]) => ({ median: round1(median(values)), p95: round1(percentile(values, 0.95)) })

/**
 * Typing into every model's prompt (and negative prompt where it has one) in the studio, in rounds alternating with
 * the same keys into a plain textarea on a page with no script, in one browser: the machine's noise hits both alike.
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
        const run = await sideBySide(plain.getByLabel('Prompt'), studio.getByLabel(label, { exact: true }), keystrokes)
        const own = figures(run.own)
        const base = figures(run.plain)
        results.push({
          target: `${model.name}: ${label.toLowerCase()}`,
          medianMs: own.median,
          p95Ms: own.p95,
          plainMedianMs: base.median,
          plainP95Ms: base.p95,
          mainThreadMsPerKey: run.ownMs,
          plainMainThreadMsPerKey: run.plainMs,
        })
      }
    }
  } finally {
    await browser.close()
  }
  return results
}
