import { and, eq } from 'drizzle-orm'
import { notificationDeliveries, users } from '../../core/db/schema.js'
import type { CoreDeps } from '../../core/deps.js'
import type { AuthContext } from '../auth/authenticate.js'
import { toSettings } from './users.schemas.js'

export function createSettingsService({ db }: Pick<CoreDeps, 'db'>) {
  return {
    /**
     * PUT /me/settings. Turning external notifications off also drops what is still queued for the
     * person: nothing more leaves for their phone (a message already being handed over may still).
     */
    async save(auth: AuthContext, input: { notifyExternal: boolean }) {
      return db.transaction(async (tx) => {
        const [row] = await tx
          .update(users)
          .set({ notifyExternal: input.notifyExternal })
          .where(eq(users.id, auth.userId))
          .returning()
        if (!row) throw new Error('settings of a user who passed authentication not found')
        if (!input.notifyExternal) {
          await tx
            .delete(notificationDeliveries)
            .where(
              and(
                eq(notificationDeliveries.userId, auth.userId),
                eq(notificationDeliveries.status, 'pending'),
              ),
            )
        }
        return toSettings(row)
      })
    },
  }
}

export type SettingsService = ReturnType<typeof createSettingsService>
