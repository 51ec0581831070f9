// `npm run catalog:check [-- --write FILE]`: the effective catalog against Cannon's OpenAPI document.
import { writeFile } from 'node:fs/promises'
import { checkCatalog, checkReport } from '../src/server/catalog-check/catalog-check'
import { correctCatalog } from '../src/server/catalog-check/catalog-correct'
import { loadCatalog } from '../src/server/catalog-loader'

const DEFAULT_BASE = 'https://www.cannonstudio.app'
const USAGE = 'Usage: CANNON_API_KEY=… npm run catalog:check [-- --write corrected-catalog.json]'

async function main(args: string[]): Promise<number> {
  const writeAt = args.indexOf('--write')
  const target = writeAt >= 0 ? args[writeAt + 1] : undefined
  if ((writeAt >= 0 && !target) || args.some((a, i) => a !== '--write' && i !== writeAt + 1)) {
    console.error(USAGE)
    return 2
  }
  const apiKey = process.env.CANNON_API_KEY
  if (!apiKey) {
    console.error(`CANNON_API_KEY is not set: the check reads Cannon's OpenAPI document with the team's key.\n${USAGE}`)
    return 2
  }
  const catalog = await loadCatalog(process.env.STUDIO_CATALOG_FILE || undefined)
  const { check, cannon } = await checkCatalog(catalog, {
    apiBase: process.env.CANNON_API_BASE || DEFAULT_BASE,
    apiKey,
  })
  console.log(checkReport(check).join('\n'))
  if (!cannon) return 2
  if (target) {
    const { catalog: corrected, byHand } = correctCatalog(catalog, cannon, new Date().toISOString().slice(0, 10))
    await writeFile(target, `${JSON.stringify(corrected, null, 2)}\n`)
    console.log(`\nWrote the corrected catalog to ${target}. Use it with STUDIO_CATALOG_FILE=${target}.`)
    if (byHand.length) console.log('Left for a person:', ...byHand.map((line) => `\n  - ${line}`))
  }
  return check.state === 'matches' ? 0 : 1
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error))
    process.exit(2)
  },
)
