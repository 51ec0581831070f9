import { launchBrowser, median, percentile, round1 } from './browser'

export interface ComposerFigures {
  switches: number
  /** Click on a model → React's commit and the browser's style and layout, per switch. */
  modelSwitchMedianMs: number
  modelSwitchP95Ms: number
  keystrokes: number
  /** Keystroke event → the frame after it (rAF then a task), with the prompt already near 2,000 characters. */
  typingMedianMs: number
  typingP95Ms: number
}

/** Model switches (Sora 2 ↔ Wan 2.7, whose forms differ most) and typing into a long prompt, in the built studio. */
export async function measureComposer(url: string, switches = 50, keystrokes = 100): Promise<ComposerFigures> {
  const browser = await launchBrowser()
  try {
    const page = await browser.newPage()
    await page.goto(url)
    await page.getByRole('button', { name: 'Model', exact: true }).waitFor()
    const switchTimes = await page.evaluate(async (count) => {
      const times: number[] = []
      for (let i = 0; i < count; i++) {
        const name = i % 2 === 0 ? 'Wan 2.7' : 'Sora 2'
        // Opening the Model list is not part of the switch: only the click on the model is timed.
        document.querySelector<HTMLElement>('button[aria-haspopup="listbox"]')?.click()
        await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)))
        const target = document.querySelector<HTMLElement>(`[role="option"][aria-label="${name}"]`)
        if (!target) throw new Error('model option not found')
        const start = performance.now()
        target.click()
        await Promise.resolve() // React flushes a discrete event's update in a microtask
        void document.body.offsetHeight // style and layout of the new form
        times.push(performance.now() - start)
        await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)))
      }
      return times
    }, switches)

    const prompt = page.getByLabel('Prompt', { exact: true })
    await prompt.fill('a'.repeat(2000 - keystrokes))
    await prompt.evaluate((el) => {
      const latencies: number[] = []
      ;(window as unknown as { __latencies: number[] }).__latencies = latencies
      el.addEventListener('input', (event) => {
        const at = event.timeStamp
        requestAnimationFrame(() => setTimeout(() => latencies.push(performance.now() - at), 0))
      })
    })
    await prompt.press('End')
    await page.keyboard.type('b'.repeat(keystrokes))
    await page.waitForTimeout(100)
    const typing = await page.evaluate(() => (window as unknown as { __latencies: number[] }).__latencies)
    return {
      switches,
      modelSwitchMedianMs: round1(median(switchTimes)),
      modelSwitchP95Ms: round1(percentile(switchTimes, 0.95)),
      keystrokes: typing.length,
      typingMedianMs: round1(median(typing)),
      typingP95Ms: round1(percentile(typing, 0.95)),
    }
  } finally {
    await browser.close()
  }
}
