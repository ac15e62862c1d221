/**
 * Runs once when a server starts: checks the configuration, applies migrations and (in
 * development) creates demo data before the first request, so problems show at start.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs' && process.env.NEXT_PHASE !== 'phase-production-build') {
    const { startServer } = await import('./lib/server-start');
    await startServer();
  }
}
