import { recordAdminAction } from '../../core/audit.js'
import type { DeliveryRow, DeliveryStatus, NotificationRow } from '../../core/db/schema.js'
import type { CoreDeps } from '../../core/deps.js'
import { badRequest, conflict, notFound } from '../../core/errors.js'
import { type PageInput, pageOf } from '../../core/pagination.js'
import type { AuthContext } from '../auth/authenticate.js'
import {
  feedPage,
  findDelivery,
  listDeliveries,
  markRead,
  requeueDelivery,
  unreadCount,
} from './notifications.repository.js'
import type { Notification } from './notifications.schemas.js'

const iso = (d: Date | null) => d?.toISOString() ?? null

/** The row as the feed shows it; `data` was written by the Notifier for exactly this type. */
const toNotification = (n: NotificationRow) =>
  ({
    id: n.id,
    type: n.type,
    data: n.data,
    createdAt: n.createdAt.toISOString(),
    readAt: iso(n.readAt),
  }) as Notification

const toDelivery = (d: DeliveryRow) => ({
  id: d.id,
  notificationId: d.notificationId,
  userId: d.userId,
  type: d.type,
  channel: d.channel,
  status: d.status,
  attempts: d.attempts,
  nextAttemptAt: iso(d.nextAttemptAt),
  lastError: d.lastError,
  providerMessageId: d.providerMessageId,
  createdAt: d.createdAt.toISOString(),
  updatedAt: d.updatedAt.toISOString(),
  sentAt: iso(d.sentAt),
})

export function createNotificationService({ db, clock }: Pick<CoreDeps, 'db' | 'clock'>) {
  return {
    /** GET /notifications: the caller's feed, newest first, `limit` at a time. */
    async feed(auth: AuthContext, input: { cursor?: string | undefined; limit: number }) {
      const before = input.cursor === undefined ? undefined : Number(input.cursor)
      const rows = await feedPage(db, auth.userId, before, input.limit)
      const page = rows.slice(0, input.limit)
      const more = rows.length > input.limit
      return {
        items: page.map(toNotification),
        nextCursor: more ? String(page.at(-1)?.id) : null,
      }
    },

    /** GET /notifications/unread-count */
    async unread(auth: AuthContext) {
      return { count: await unreadCount(db, auth.userId) }
    },

    /** POST /notifications/read: `{ ids }` or `{ all: true }`; ids that are not the caller's change nothing. */
    async read(auth: AuthContext, input: { ids?: number[] | undefined; all?: true | undefined }) {
      if ((input.ids === undefined) === (input.all === undefined)) {
        throw badRequest('VALIDATION_ERROR', 'Send either ids or all: true', [
          { field: 'body', message: 'must have exactly one of ids and all' },
        ])
      }
      const updated = await markRead(db, auth.userId, input.all ? 'all' : (input.ids as number[]), clock())
      return { updated }
    },

    /** GET /admin/notifications/deliveries: the outbox, newest first (never a phone number). */
    async deliveries(input: PageInput & { status?: DeliveryStatus | undefined }) {
      const { items, total } = await listDeliveries(db, input)
      return pageOf(input, items.map(toDelivery), total)
    },

    /**
     * POST /admin/notifications/deliveries/:deliveryId/retry: a dead (or still waiting) delivery is due
     * again now with all its attempts; audited. One that is being sent or was sent is 409.
     */
    async retry(admin: AuthContext, deliveryId: number) {
      return db.transaction(async (tx) => {
        const delivery = await findDelivery(tx, deliveryId, true)
        if (!delivery) throw notFound('DELIVERY_NOT_FOUND', 'No such delivery')
        if (delivery.status === 'sent') throw conflict('DELIVERY_ALREADY_SENT', 'This message was sent')
        if (delivery.status === 'sending') {
          throw conflict('DELIVERY_IN_FLIGHT', 'This message is being sent; look again in a minute')
        }
        const now = clock()
        await requeueDelivery(tx, deliveryId, now)
        await recordAdminAction(tx, {
          adminId: admin.userId,
          action: 'notification.retry',
          targetId: String(deliveryId),
          detail: { from: delivery.status, attempts: delivery.attempts, lastError: delivery.lastError },
        })
        const updated = await findDelivery(tx, deliveryId)
        if (!updated) throw new Error('delivery vanished inside its transaction')
        return toDelivery(updated)
      })
    },
  }
}

export type NotificationService = ReturnType<typeof createNotificationService>
