/** Where the e2e studios listen: the default one, one whose simulator misbehaves (SIMULATOR_FAULTS), one gated. */
export const E2E_PORT = Number(process.env.E2E_PORT ?? 4317)
export const FAULTS_PORT = E2E_PORT + 1
export const SECURITY_PORT = Number(process.env.E2E_SECURITY_PORT ?? E2E_PORT + 2)
/** e2e/security-attacks.spec.ts: a live studio behind a (pretend) trusted proxy, and one reached directly. */
export const ATTACKS_PORT = SECURITY_PORT + 1
export const ATTACKS_DIRECT_PORT = SECURITY_PORT + 2
/** e2e/ledger-server.spec.ts: a studio that crashes and comes back, and two studios on one Postgres. */
export const LEDGER_PORT = E2E_PORT + 7
export const LEDGER_SECOND_PORT = E2E_PORT + 8
/** e2e/fresh-studio.ts: studios with an empty ledger of their own, one per test (the next one starts meanwhile). */
export const FRESH_PORTS = [E2E_PORT + 5, E2E_PORT + 6] as const
/** e2e/uploads.spec.ts: live studios with a public URL (uploads on) and without one (uploads off). */
export const UPLOADS_PORT = E2E_PORT + 9
export const UPLOADS_OFF_PORT = E2E_PORT + 10
/** e2e/credits.spec.ts: a live studio with named tokens and a daily credit cap. */
export const CREDITS_PORT = E2E_PORT + 11
/** e2e/fidelity.spec.ts: a live studio before a fake Cannon whose OpenAPI differs from the catalog. */
export const FIDELITY_PORT = E2E_PORT + 12
/** e2e/quality.spec.ts: a studio whose simulator answers every render with a black take. */
export const QUALITY_PORT = E2E_PORT + 13
/** e2e/share.spec.ts: a gated studio whose review links are opened by people without a session. */
export const SHARE_PORT = E2E_PORT + 16
