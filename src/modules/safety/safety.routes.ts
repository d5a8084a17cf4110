import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { adminErrors, authErrors, Ok, Page } from '../../core/http/schemas.js'
import type { strictLimit } from '../../core/http/security.js'
import { type Authenticator, caller } from '../auth/authenticate.js'
import {
  AdminReport,
  AdminReportsQuery,
  Block,
  BlockBody,
  BlockParams,
  HandleReportBody,
  Report,
  ReportBody,
  ReportParams,
} from './safety.schemas.js'
import type { SafetyService } from './safety.service.js'

export const safetyRoutes: FastifyPluginAsyncTypebox<{
  safety: SafetyService
  auth: Authenticator
  limit: ReturnType<typeof strictLimit>
}> = async (app, { safety, auth, limit }) => {
  const security = [{ bearerAuth: [] }]

  app.post(
    '/blocks',
    {
      preParsing: auth.requireUser,
      schema: {
        tags: ['safety'],
        summary: 'Block someone you were recommended or matched with (closes any open match between you)',
        security,
        body: BlockBody,
        response: { 200: Block, ...authErrors({ 404: ['USER_NOT_FOUND'] }) },
      },
    },
    async (request) => safety.block(caller(request), request.body.userId),
  )

  app.delete(
    '/blocks/:userId',
    {
      preParsing: auth.requireUser,
      schema: {
        tags: ['safety'],
        summary: 'Unblock',
        security,
        params: BlockParams,
        response: {
          204: Type.Null({ description: 'Unblocked' }),
          ...authErrors({ 404: ['BLOCK_NOT_FOUND'] }),
        },
      },
    },
    async (request, reply) => {
      await safety.unblock(caller(request), request.params.userId)
      return reply.status(204).send(null)
    },
  )

  app.get(
    '/blocks',
    {
      preParsing: auth.requireUser,
      schema: {
        tags: ['safety'],
        summary: 'The people you have blocked, newest first (at most 500)',
        security,
        response: { 200: Type.Array(Block), ...authErrors() },
      },
    },
    async (request) => safety.blocks(caller(request)),
  )

  app.post(
    '/reports',
    {
      preParsing: auth.requireUser,
      config: limit,
      schema: {
        tags: ['safety'],
        summary: 'Report someone you were recommended or matched with (one open report per person)',
        security,
        body: ReportBody,
        response: {
          201: Report,
          ...authErrors({ 404: ['USER_NOT_FOUND'], 409: ['REPORT_ALREADY_OPEN'] }),
        },
      },
    },
    async (request, reply) => reply.status(201).send(await safety.report(caller(request), request.body)),
  )

  app.get(
    '/admin/reports',
    {
      preParsing: auth.requireAdmin,
      schema: {
        tags: ['admin'],
        summary: 'Reports, newest first (filter by handled)',
        security,
        querystring: AdminReportsQuery,
        response: { 200: Page(AdminReport), ...adminErrors() },
      },
    },
    async (request) => safety.adminList(request.query),
  )

  app.post(
    '/admin/reports/:reportId/handle',
    {
      preParsing: auth.requireAdmin,
      schema: {
        tags: ['admin'],
        summary: 'Handle a report: dismiss it, or ban the reported user (audited)',
        security,
        params: ReportParams,
        body: HandleReportBody,
        response: {
          200: Ok,
          ...adminErrors({
            404: ['REPORT_NOT_FOUND'],
            409: ['REPORT_ALREADY_HANDLED', 'CANNOT_BAN_ADMIN'],
          }),
        },
      },
    },
    async (request) => safety.handle(caller(request), request.params.reportId, request.body),
  )
}
