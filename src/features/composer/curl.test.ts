import { execFileSync } from 'node:child_process'
import { expect, it } from 'vitest'
import { curlCommand } from './curl'

const input = { model: 'sora2', prompt: "It's a paper boat", duration: 8 }

it('copies the documented endpoint with the key as a shell variable, never a value', () => {
  const command = curlCommand(input, 'key-123')
  expect(command).toContain('curl -X POST https://www.cannonstudio.app/api/v1/requests')
  expect(command).toContain('-H "x-api-key: $CANNON_API_KEY"')
  expect(command).toContain("-H 'x-idempotency-key: key-123'")
})

it('quotes the body so a shell passes it through byte for byte', () => {
  // Run the command's arguments through a real shell (with `printf` standing in for curl) and read the body back.
  const script = curlCommand(input, 'key-123').replace(/^curl /, 'printf "%s\\n" ')
  const printed = execFileSync('sh', ['-c', script], { env: { CANNON_API_KEY: 'cs_test' } })
    .toString()
    .split('\n')
  expect(printed).toContain('x-api-key: cs_test')
  expect(JSON.parse(printed[printed.indexOf('--data-raw') + 1]!)).toEqual({ operation: 'video.generate', input })
})
