import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { adminErrors, Ok, Page } from '../../core/http/schemas.js'
import { type Authenticator, caller } from '../auth/authenticate.js'
import {
  AccessLogEntry,
  AccessReasonQuery,
  AdminAction,
  AdminContact,
  AdminMatch,
  AdminUser,
  AdminUserDetail,
  BanBody,
  ContactQuery,
  MatchesQuery,
  PageOnlyQuery,
  UserParams,
  UsersQuery,
} from './admin.schemas.js'
import type { AdminService } from './admin.service.js'

export const adminRoutes: FastifyPluginAsyncTypebox<{ admin: AdminService; auth: Authenticator }> = async (
  app,
  { admin, auth },
) => {
  const base = { preParsing: auth.requireAdmin }
  const meta = { tags: ['admin'], security: [{ bearerAuth: [] }] }

  app.get(
    '/admin/users',
    {
      ...base,
      schema: {
        ...meta,
        summary: 'Users (search by nickname, Kakao id or user id), with banned and deleted state',
        querystring: UsersQuery,
        response: { 200: Page(AdminUser), ...adminErrors() },
      },
    },
    async (request) => admin.users(request.query),
  )

  app.get(
    '/admin/users/:userId',
    {
      ...base,
      schema: {
        ...meta,
        summary:
          'One user: profile (no contact), preferences, matches, payments, reports; the read is logged',
        params: UserParams,
        querystring: AccessReasonQuery,
        response: { 200: AdminUserDetail, ...adminErrors({ 404: ['USER_NOT_FOUND'] }) },
      },
    },
    async (request) => admin.user(caller(request), request.params.userId, request.query.reason),
  )

  app.get(
    '/admin/users/:userId/contact',
    {
      ...base,
      schema: {
        ...meta,
        summary: "A user's contact, with the reason it is needed; the read is logged",
        params: UserParams,
        querystring: ContactQuery,
        response: { 200: AdminContact, ...adminErrors({ 404: ['USER_NOT_FOUND'] }) },
      },
    },
    async (request) => admin.contact(caller(request), request.params.userId, request.query.reason),
  )

  for (const [path, banned] of [
    ['ban', true],
    ['unban', false],
  ] as const) {
    app.post(
      `/admin/users/:userId/${path}`,
      {
        ...base,
        schema: {
          ...meta,
          summary: banned
            ? 'Ban a user: locked out at once, open matches closed (audited)'
            : 'Lift a ban (audited)',
          params: UserParams,
          body: BanBody,
          response: {
            200: Ok,
            ...adminErrors({
              404: ['USER_NOT_FOUND'],
              409: [
                'CANNOT_BAN_SELF',
                'CANNOT_BAN_ADMIN',
                banned ? 'USER_ALREADY_BANNED' : 'USER_NOT_BANNED',
              ],
            }),
          },
        },
      },
      async (request) => admin.setBan(caller(request), request.params.userId, banned, request.body.reason),
    )
  }

  app.get(
    '/admin/matches',
    {
      ...base,
      schema: {
        ...meta,
        summary: 'Matches, newest first (filter by status)',
        querystring: MatchesQuery,
        response: { 200: Page(AdminMatch), ...adminErrors() },
      },
    },
    async (request) => admin.matches(request.query),
  )

  app.get(
    '/admin/actions',
    {
      ...base,
      schema: {
        ...meta,
        summary: 'The audit log of admin changes, newest first',
        querystring: PageOnlyQuery,
        response: { 200: Page(AdminAction), ...adminErrors() },
      },
    },
    async (request) => admin.actions(request.query),
  )

  app.get(
    '/admin/access-log',
    {
      ...base,
      schema: {
        ...meta,
        summary: 'Every admin read of personal data (PIPA), newest first',
        querystring: PageOnlyQuery,
        response: { 200: Page(AccessLogEntry), ...adminErrors() },
      },
    },
    async (request) => admin.accessLog(request.query),
  )
}
