import { launchBrowser, median, percentile, round1 } from './browser'

export interface ComposerFigures {
  switches: number
  /** Click on a model → React's commit and the browser's style and layout, per switch. */
  modelSwitchMedianMs: number
  modelSwitchP95Ms: number
}

/** Model switches (Sora 2 ↔ Wan 2.7, whose forms differ most), in the built studio. */
export async function measureModelSwitch(url: string, switches = 50): Promise<ComposerFigures> {
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

    return {
      switches,
      modelSwitchMedianMs: round1(median(switchTimes)),
      modelSwitchP95Ms: round1(percentile(switchTimes, 0.95)),
    }
  } finally {
    await browser.close()
  }
}
