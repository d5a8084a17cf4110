import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client'

/**
 * Prometheus metrics of one API process. A registry per instance (not prom-client's global one),
 * so that tests can build several apps.
 */
export function createMetrics() {
  const registry = new Registry()
  collectDefaultMetrics({ register: registry, prefix: 'shh_' })
  const labelNames = ['method', 'route', 'status'] as const
  return {
    registry,
    httpRequests: new Counter({
      name: 'shh_http_requests_total',
      help: 'HTTP requests by route pattern and status',
      labelNames,
      registers: [registry],
    }),
    httpDuration: new Histogram({
      name: 'shh_http_request_duration_seconds',
      help: 'HTTP request latency by route pattern and status',
      labelNames,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [registry],
    }),
    httpErrors: new Counter({
      name: 'shh_http_errors_total',
      help: 'Responses with a 5xx status, by route pattern',
      labelNames,
      registers: [registry],
    }),
    dbQueryDuration: new Histogram({
      name: 'shh_db_query_duration_seconds',
      help: 'Database query time (PostgreSQL server connections)',
      buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1, 5],
      registers: [registry],
    }),
    batchRuns: new Counter({
      name: 'shh_recs_batch_runs_total',
      help: 'Weekly recommendation batch runs by outcome',
      labelNames: ['status'] as const,
      registers: [registry],
    }),
    batchDuration: new Histogram({
      name: 'shh_recs_batch_duration_seconds',
      help: 'Weekly recommendation batch duration',
      buckets: [1, 5, 10, 30, 60, 120, 300, 600],
      registers: [registry],
    }),
    notifyDeliveries: new Counter({
      name: 'shh_notify_deliveries_total',
      help: 'Attempts to send a notification outside the app, by outcome (sent, failed: retried later, dead)',
      labelNames: ['outcome'] as const,
      registers: [registry],
    }),
    housekeeping: new Counter({
      name: 'shh_housekeeping_rows_total',
      help: 'Rows changed by the hourly housekeeping (payments confirmed by a recheck at PortOne, matches expired, payments expired, notifications and PortOne webhook deliveries deleted)',
      labelNames: ['what'] as const,
      registers: [registry],
    }),
    batchUsers: new Gauge({
      name: 'shh_recs_batch_users',
      help: 'Users given a list by the last batch run',
      registers: [registry],
    }),
  }
}

export type Metrics = ReturnType<typeof createMetrics>
