import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { count, eq } from 'drizzle-orm'
import type { FastifyRequest } from 'fastify'
import { Gauge } from 'prom-client'
import { Type } from 'typebox'
import type { Database } from '../../core/db/client.js'
import { payments } from '../../core/db/schema.js'
import { adminErrors } from '../../core/http/schemas.js'
import { noLimit } from '../../core/http/security.js'
import type { Metrics } from '../../core/observability/metrics.js'
import { bearerToken, secretsEqual } from '../../core/security/tokens.js'
import type { Clock } from '../../core/time.js'
import type { Authenticator } from '../auth/authenticate.js'
import { queueState } from '../notifications/notifications.repository.js'

/** GET /metrics in Prometheus format: for METRICS_TOKEN (a scraper) or an admin token, never public. */
export const metricsRoutes: FastifyPluginAsyncTypebox<{
  metrics: Metrics
  db: Database
  clock: Clock
  auth: Authenticator
  metricsToken: string | undefined
}> = async (app, { metrics, db, clock, auth, metricsToken }) => {
  new Gauge({
    name: 'shh_payments_pending',
    help: 'Payments waiting for a deposit to be verified',
    registers: [metrics.registry],
    async collect() {
      const [row] = await db.select({ n: count() }).from(payments).where(eq(payments.status, 'pending'))
      this.set(row?.n ?? 0)
    },
  })

  new Gauge({
    name: 'shh_notify_queue_waiting',
    help: 'Notifications waiting to be sent outside the app, or being sent',
    registers: [metrics.registry],
    async collect() {
      this.set((await queueState(db, clock())).waiting)
    },
  })
  new Gauge({
    name: 'shh_notify_queue_oldest_seconds',
    help: 'Age of the oldest notification waiting to be sent outside the app (0 when none waits)',
    registers: [metrics.registry],
    async collect() {
      this.set((await queueState(db, clock())).oldestAgeSeconds)
    },
  })

  const scraperOrAdmin = async (
    request: FastifyRequest,
    reply: Parameters<Authenticator['requireAdmin']>[1],
  ) => {
    const given = bearerToken(request.headers.authorization)
    if (metricsToken && given && secretsEqual(given, metricsToken)) return
    await auth.requireAdmin(request, reply)
  }

  app.get(
    '/metrics',
    {
      preParsing: scraperOrAdmin,
      config: noLimit,
      logLevel: 'warn',
      schema: {
        tags: ['health'],
        summary: 'Prometheus metrics (Bearer METRICS_TOKEN, or an admin token)',
        security: [{ bearerAuth: [] }],
        response: {
          200: {
            description: 'Prometheus text exposition format',
            content: { 'text/plain': { schema: Type.String() } },
          },
          ...adminErrors(),
        },
      },
    },
    async (_request, reply) => {
      reply.type(metrics.registry.contentType)
      return metrics.registry.metrics()
    },
  )
}
