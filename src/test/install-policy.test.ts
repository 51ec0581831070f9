import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'

const read = (file: string) => JSON.parse(readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8'))

describe('install scripts', () => {
  it('runs only the ones package.json approves: every dependency with one is listed, allowed or denied', () => {
    const lock = read('package-lock.json') as { packages: Record<string, { hasInstallScript?: boolean }> }
    const { allowScripts } = read('package.json') as { allowScripts?: Record<string, boolean> }
    const withScripts = Object.entries(lock.packages)
      .filter(([, entry]) => entry.hasInstallScript)
      .map(([path]) => path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length))
    expect(withScripts.length).toBeGreaterThan(0)
    for (const name of withScripts) expect(allowScripts, name).toHaveProperty([name])
  })
})
