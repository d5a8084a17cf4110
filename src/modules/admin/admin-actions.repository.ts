import type { Executor } from '../../core/db/client.js'
import { adminActions } from '../../core/db/schema.js'

export interface AdminActionInput {
  adminId: string
  /** Dotted names: `payment.verify`, `match.activate`, `user.ban`, `recs.run`, … */
  action: string
  targetId: string | null
  detail?: Record<string, unknown>
}

/** The audit trail: call it with the transaction that makes the change it records. */
export async function recordAdminAction(tx: Executor, input: AdminActionInput): Promise<void> {
  await tx.insert(adminActions).values({
    adminId: input.adminId,
    action: input.action,
    targetId: input.targetId,
    detail: input.detail ?? null,
  })
}
