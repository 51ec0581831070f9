import type { VideoInput } from '@/catalog/request-schema'

export const CANNON_REQUESTS_URL = 'https://www.cannonstudio.app/api/v1/requests'

export function requestBody(input: VideoInput) {
  return { operation: 'video.generate' as const, input }
}

function shellQuote(text: string): string {
  return `'${text.replaceAll("'", `'\\''`)}'`
}

/**
 * The request as a cURL command for Cannon itself. The key stays the literal `$CANNON_API_KEY`, which the
 * shell expands: the studio never knows, shows or copies a real key.
 */
export function curlCommand(input: VideoInput, idempotencyKey: string): string {
  return [
    `curl -X POST ${CANNON_REQUESTS_URL}`,
    `  -H "x-api-key: $CANNON_API_KEY"`,
    `  -H 'content-type: application/json'`,
    `  -H ${shellQuote(`x-idempotency-key: ${idempotencyKey}`)}`,
    `  --data-raw ${shellQuote(JSON.stringify(requestBody(input)))}`,
  ].join(' \\\n')
}
