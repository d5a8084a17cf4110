import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { adminErrors, authErrors, Page } from '../../core/http/schemas.js'
import { type Authenticator, caller } from '../auth/authenticate.js'
import {
  DeliveriesQuery,
  Delivery,
  DeliveryParams,
  Feed,
  FeedQuery,
  ReadBody,
  ReadResult,
  UnreadCount,
} from './notifications.schemas.js'
import type { NotificationService } from './notifications.service.js'

export const notificationRoutes: FastifyPluginAsyncTypebox<{
  notifications: NotificationService
  auth: Authenticator
}> = async (app, { notifications, auth }) => {
  const user = { tags: ['notifications'], security: [{ bearerAuth: [] }] }
  const admin = { tags: ['admin'], security: [{ bearerAuth: [] }] }

  app.get(
    '/notifications',
    {
      preParsing: auth.requireUser,
      schema: {
        ...user,
        summary: 'Your notifications, newest first (limit 20 by default, at most 100; kept 90 days)',
        querystring: FeedQuery,
        response: { 200: Feed, ...authErrors() },
      },
    },
    async (request) => notifications.feed(caller(request), request.query),
  )

  app.get(
    '/notifications/unread-count',
    {
      preParsing: auth.requireUser,
      schema: {
        ...user,
        summary: 'How many of your notifications are unread (cheap: poll it)',
        response: { 200: UnreadCount, ...authErrors() },
      },
    },
    async (request) => notifications.unread(caller(request)),
  )

  app.post(
    '/notifications/read',
    {
      preParsing: auth.requireUser,
      schema: {
        ...user,
        summary: 'Mark notifications read: { ids } or { all: true } (ids that are not yours change nothing)',
        body: ReadBody,
        response: { 200: ReadResult, ...authErrors() },
      },
    },
    async (request) => notifications.read(caller(request), request.body),
  )

  app.get(
    '/admin/notifications/deliveries',
    {
      preParsing: auth.requireAdmin,
      schema: {
        ...admin,
        summary: 'Notifications sent outside the app (알림톡/SMS) and their state, newest first',
        querystring: DeliveriesQuery,
        response: { 200: Page(Delivery), ...adminErrors() },
      },
    },
    async (request) => notifications.deliveries(request.query),
  )

  app.post(
    '/admin/notifications/deliveries/:deliveryId/retry',
    {
      preParsing: auth.requireAdmin,
      schema: {
        ...admin,
        summary: 'Send a dead delivery again, with all its attempts (audited)',
        params: DeliveryParams,
        response: {
          200: Delivery,
          ...adminErrors({
            404: ['DELIVERY_NOT_FOUND'],
            409: ['DELIVERY_ALREADY_SENT', 'DELIVERY_IN_FLIGHT'],
          }),
        },
      },
    },
    async (request) => notifications.retry(caller(request), request.params.deliveryId),
  )
}
