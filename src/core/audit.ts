import type { Executor } from './db/client.js'
import { adminActions } from './db/schema.js'

/**
 * The audit trail (`admin_actions`): every change an operator makes, and every change the API makes
 * by itself, is written in the same transaction as the change.
 */
export interface AuditEntry {
  /** Dotted names: `payment.verify`, `match.activate`, `user.ban`, `recs.run`, `user.demote`, … */
  action: string
  targetId: string | null
  detail?: Record<string, unknown>
}

/** A change made by an operator. */
export async function recordAdminAction(
  tx: Executor,
  input: AuditEntry & { adminId: string },
): Promise<void> {
  await tx.insert(adminActions).values({
    actor: 'admin',
    adminId: input.adminId,
    action: input.action,
    targetId: input.targetId,
    detail: input.detail ?? null,
  })
}

const SYSTEM_NAME = /^[a-z][a-z0-9_-]*$/

/**
 * A change the API made by itself rather than an operator, written as actor `system:<name>`:
 * `startup` (demotions at start-up); later webhooks (`portone`), housekeeping (`scheduler`), ….
 */
export async function recordSystemAction(tx: Executor, system: string, input: AuditEntry): Promise<void> {
  if (!SYSTEM_NAME.test(system)) throw new Error(`Invalid system actor name: ${system}`)
  await tx.insert(adminActions).values({
    actor: `system:${system}`,
    adminId: null,
    action: input.action,
    targetId: input.targetId,
    detail: input.detail ?? null,
  })
}
