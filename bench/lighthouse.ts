import * as chromeLauncher from 'chrome-launcher'
import lighthouse from 'lighthouse'
import desktopConfig from 'lighthouse/core/config/desktop-config.js'
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../e2e/chromium'
import { median } from './browser'

export interface LighthouseFigures {
  performance: number
  accessibility: number
  bestPractices: number
  fcpMs: number
  lcpMs: number
  tbtMs: number
  cls: number
}

/**
 * Lighthouse's desktop and mobile presets against the built studio, offline, in Debian's Chromium. With `ranWhen`,
 * a round in which no request matched it is refused: the studio starts its app after the first paint, and
 * Lighthouse sometimes ends its trace before that (no script time at all, a flattering score).
 */
async function measureLighthouse(
  url: string,
  preset: 'desktop' | 'mobile',
  ranWhen?: RegExp,
): Promise<LighthouseFigures> {
  const chrome = await chromeLauncher.launch({
    chromePath: CHROMIUM_PATH,
    chromeFlags: ['--headless=new', ...CHROMIUM_ARGS],
  })
  try {
    const result = await lighthouse(
      url,
      {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: ['performance', 'accessibility', 'best-practices'],
      },
      preset === 'desktop' ? desktopConfig : undefined,
    )
    if (!result) throw new Error('Lighthouse returned no result')
    const { categories, audits } = result.lhr
    const requests = (audits['network-requests']?.details as { items?: { url: string }[] } | undefined)?.items ?? []
    if (ranWhen && !requests.some((request) => ranWhen.test(request.url))) throw new AppDidNotRun(url)
    const score = (id: string) => Math.round((categories[id]?.score ?? 0) * 100)
    return {
      performance: score('performance'),
      accessibility: score('accessibility'),
      bestPractices: score('best-practices'),
      fcpMs: Math.round(audits['first-contentful-paint']?.numericValue ?? NaN),
      lcpMs: Math.round(audits['largest-contentful-paint']?.numericValue ?? NaN),
      tbtMs: Math.round(audits['total-blocking-time']?.numericValue ?? NaN),
      cls: Math.round((audits['cumulative-layout-shift']?.numericValue ?? NaN) * 1000) / 1000,
    }
  } finally {
    chrome.kill()
  }
}

class AppDidNotRun extends Error {
  constructor(url: string) {
    super(`Lighthouse ended its trace of ${url} before the app ran, three times in a row`)
  }
}

/** The studio's app has run once it has called the BFF (the credits, the estimate, who is signed in). */
const STUDIO_RAN = /\/api\//

/** Lighthouse on the studio, measured again (up to three times) when its trace ended before the app ran. */
export async function measureStudio(url: string, preset: 'desktop' | 'mobile'): Promise<LighthouseFigures> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await measureLighthouse(url, preset, STUDIO_RAN)
    } catch (error) {
      if (!(error instanceof AppDidNotRun) || attempt === 3) throw error
    }
  }
}

export interface LighthouseComparison {
  studio: LighthouseFigures
  bare: LighthouseFigures
  fcpRatio: number
  tbtRatio: number
}

const medianOf = (runs: LighthouseFigures[], key: keyof LighthouseFigures) => median(runs.map((run) => run[key]))

function medianFigures(runs: LighthouseFigures[]): LighthouseFigures {
  const keys = Object.keys(runs[0]!) as (keyof LighthouseFigures)[]
  return Object.fromEntries(keys.map((key) => [key, medianOf(runs, key)])) as unknown as LighthouseFigures
}

/** Lighthouse mobile on the studio and on a bare React app, alternating for `rounds` rounds; medians and ratios. */
export async function compareLighthouse(studioUrl: string, bareUrl: string, rounds = 3): Promise<LighthouseComparison> {
  const studioRuns: LighthouseFigures[] = []
  const bareRuns: LighthouseFigures[] = []
  for (let i = 0; i < rounds; i++) {
    bareRuns.push(await measureLighthouse(bareUrl, 'mobile'))
    studioRuns.push(await measureStudio(studioUrl, 'mobile'))
  }
  const studio = medianFigures(studioRuns)
  const bare = medianFigures(bareRuns)
  return {
    studio,
    bare,
    fcpRatio: round2(studio.fcpMs / bare.fcpMs),
    tbtRatio: round2(studio.tbtMs / Math.max(bare.tbtMs, 1)),
  }
}

const round2 = (value: number) => Math.round(value * 100) / 100
