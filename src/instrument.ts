/**
 * Preloaded with `node --import` (npm start, npm run start:prod, the Dockerfile) so that tracing starts
 * before fastify, pg and ioredis are imported. Does nothing unless OTEL_EXPORTER_OTLP_ENDPOINT is set.
 */
import { startTracing } from './core/observability/tracing.js'

try {
  await startTracing()
} catch (err) {
  console.error('Tracing could not start:', err instanceof Error ? err.message : err)
  process.exit(1)
}
