/** Where the e2e studios listen: the default one, and one whose simulator misbehaves (SIMULATOR_FAULTS). */
export const E2E_PORT = Number(process.env.E2E_PORT ?? 4317)
export const FAULTS_PORT = E2E_PORT + 1
