import type { Config } from '../../core/config.js'
import type { Database } from '../../core/db/client.js'
import type { FieldCipher } from '../../core/security/crypto.js'
import type { Clock } from '../../core/time.js'
import {
  createLogProvider,
  MESSAGE_TEXT,
  type MessageProvider,
  ProviderError,
} from './notifications.provider.js'
import { type ClaimedDelivery, claimDue, deleteDelivery, finishAttempt } from './notifications.repository.js'
import { createSolapiClient } from './solapi.client.js'

/** Rows one claim takes; a worker sends them a few at a time. */
const BATCH_SIZE = 20
const CONCURRENCY = 4
const POLL_MS = 1_000
const MAX_BACKOFF_MS = 3_600_000

interface Logger {
  info(obj: object, msg: string): void
  warn(obj: object, msg: string): void
  error(obj: object, msg: string): void
}

export type DeliveryOutcome = 'sent' | 'failed' | 'dead'

export interface DeliveryWorkerDeps {
  db: Database
  clock: Clock
  cipher: FieldCipher
  provider: MessageProvider
  log: Logger
  maxAttempts: number
  /** The wait after the first failure; it doubles with each further one (at most an hour). */
  retryBaseMs: number
  linkUrl: string
  /**
   * How long a claimed row stays this worker's: longer than any send can take (the provider's timeout),
   * so no other worker takes it while it is being sent; after it, a row whose sender died is claimed again.
   */
  leaseMs: number
  batchSize?: number
  pollMs?: number
  /** Told how every attempt ended (metrics). */
  onOutcome?: (outcome: DeliveryOutcome) => void
}

export function createMessageProvider(config: Config, log: Logger): MessageProvider {
  const solapi = config.notifications.solapi
  return config.notifications.provider === 'solapi' && solapi
    ? createSolapiClient(solapi)
    : createLogProvider(log)
}

/** The lease for a provider: twice its timeout and half a minute, so that a send always ends inside it. */
export function leaseFor(config: Config): number {
  return 2 * (config.notifications.solapi?.timeoutMs ?? 10_000) + 30_000
}

/**
 * Sends the outbox (notification_deliveries). Each round claims due rows in a transaction of its own
 * (SKIP LOCKED: workers on other replicas take other rows), sends them outside any transaction, and
 * records each outcome: sent; or, on a provider error, due again after an exponential backoff, and
 * dead after NOTIFY_MAX_ATTEMPTS. A process that dies mid-send leaves its rows claimed until their
 * lease ends, then they are sent again (at least once; the row id travels with the message).
 */
export function createDeliveryWorker(deps: DeliveryWorkerDeps) {
  const { db, clock, log, provider } = deps
  const batchSize = deps.batchSize ?? BATCH_SIZE
  const pollMs = deps.pollMs ?? POLL_MS
  let abort = new AbortController()
  let timer: NodeJS.Timeout | null = null
  let running: Promise<number> | null = null
  let stopping = false

  const backoff = (attempts: number) => Math.min(MAX_BACKOFF_MS, deps.retryBaseMs * 2 ** (attempts - 1))

  async function deliver(claim: ClaimedDelivery, signal: AbortSignal): Promise<void> {
    if (!claim.reachable || !claim.phoneEncrypted) {
      // Turned notifications off, banned or deleted since the row was written: nothing to send.
      await deleteDelivery(db, claim.id)
      return
    }
    const dead = async (reason: string) => {
      await finishAttempt(db, claim, {
        status: 'dead',
        nextAttemptAt: null,
        lastError: reason,
        updatedAt: clock(),
      })
      deps.onOutcome?.('dead')
      log.warn(
        { deliveryId: claim.id, type: claim.type, attempts: claim.attempts, reason },
        'notification delivery dead',
      )
    }
    if (claim.attempts > deps.maxAttempts) {
      await dead('the last attempt ended with its sender (the process stopped mid-send)')
      return
    }
    let to: string
    try {
      to = deps.cipher.decrypt(claim.phoneEncrypted, claim.userId)
    } catch {
      await dead('the phone number cannot be decrypted with the configured keys')
      return
    }
    try {
      const { providerMessageId } = await provider.send(
        {
          deliveryId: claim.id,
          type: claim.type,
          to,
          text: `${MESSAGE_TEXT}\n${deps.linkUrl}`,
          link: deps.linkUrl,
        },
        signal,
      )
      const now = clock()
      await finishAttempt(db, claim, {
        status: 'sent',
        sentAt: now,
        providerMessageId,
        lastError: null,
        nextAttemptAt: null,
        updatedAt: now,
      })
      deps.onOutcome?.('sent')
    } catch (err) {
      const error = err instanceof ProviderError ? err : new ProviderError('unexpected error while sending')
      const now = clock()
      if (error.aborted) {
        // Stopped by shutdown: the attempt does not count, and the row is due at once for whoever is next.
        await finishAttempt(db, claim, {
          status: 'pending',
          attempts: claim.attempts - 1,
          nextAttemptAt: now,
          lastError: error.message,
          updatedAt: now,
        })
        return
      }
      if (claim.attempts >= deps.maxAttempts) {
        await dead(error.message)
        return
      }
      await finishAttempt(db, claim, {
        status: 'pending',
        nextAttemptAt: new Date(now.getTime() + backoff(claim.attempts)),
        lastError: error.message,
        updatedAt: now,
      })
      deps.onOutcome?.('failed')
      log.warn(
        { deliveryId: claim.id, type: claim.type, attempts: claim.attempts, err: error.message },
        'notification delivery failed; will retry',
      )
    }
  }

  /** One round: claims due rows and sends them (CONCURRENCY at a time). Returns how many it claimed. */
  async function tick(): Promise<number> {
    const now = clock()
    const claims = await claimDue(db, now, new Date(now.getTime() + deps.leaseMs), batchSize)
    const signal = abort.signal
    let next = 0
    await Promise.all(
      Array.from({ length: Math.min(CONCURRENCY, claims.length) }, async () => {
        while (next < claims.length) await deliver(claims[next++] as ClaimedDelivery, signal)
      }),
    )
    return claims.length
  }

  function schedule(delayMs: number): void {
    if (stopping) return
    timer = setTimeout(() => {
      timer = null
      running = tick()
      running
        .then(
          (claimed) => schedule(claimed === batchSize ? 0 : pollMs),
          (err: unknown) => {
            log.error({ err: { message: (err as Error).message } }, 'notification worker round failed')
            schedule(pollMs)
          },
        )
        .finally(() => {
          running = null
        })
    }, delayMs)
  }

  return {
    tick,
    /** Rounds until nothing is due (tests, benchmarks). */
    async drain(): Promise<number> {
      let total = 0
      for (;;) {
        const claimed = await tick()
        total += claimed
        if (claimed === 0) return total
      }
    },
    start(): void {
      stopping = false
      abort = new AbortController()
      schedule(0)
    },
    /**
     * Stops polling and waits up to `graceMs` for sends in flight; then aborts them, and their rows go
     * back to pending for the next worker. Resolves once nothing of this worker is running.
     */
    async stop(graceMs: number): Promise<void> {
      stopping = true
      if (timer) clearTimeout(timer)
      timer = null
      const current = running
      if (!current) return
      let graceTimer: NodeJS.Timeout | undefined
      const grace = new Promise<void>((resolve) => {
        graceTimer = setTimeout(resolve, graceMs)
      })
      await Promise.race([
        current.then(
          () => undefined,
          () => undefined,
        ),
        grace,
      ])
      clearTimeout(graceTimer)
      abort.abort()
      await current.catch(() => undefined)
    },
  }
}

export type DeliveryWorker = ReturnType<typeof createDeliveryWorker>
