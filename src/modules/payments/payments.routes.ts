import multipart from '@fastify/multipart'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { badRequest } from '../../core/errors.js'
import { adminErrors, authErrors, errorResponses, Ok, Page } from '../../core/http/schemas.js'
import type { strictLimit } from '../../core/http/security.js'
import { type Authenticator, caller } from '../auth/authenticate.js'
import type { ConsentGate } from '../consents/consents.gate.js'
import type { Precondition } from '../identity/identity.gate.js'
import {
  ActivateBody,
  ActivateParams,
  AdminPayment,
  AdminPaymentsExportQuery,
  AdminPaymentsQuery,
  IntentBody,
  Payment,
  PaymentParams,
  ReconcileQuery,
  ReconcileResult,
  RefundAccountBody,
  RefundBody,
  RefundResult,
  VerifyBody,
} from './payments.schemas.js'
import type { PaymentService } from './payments.service.js'

const STATEMENT_LIMIT_BYTES = 5 * 1024 * 1024
/** PortOne's webhook bodies are a few hundred bytes. */
const WEBHOOK_LIMIT_BYTES = 64 * 1024
/**
 * The webhook's own limit, per sending address, instead of the user limits: PortOne may deliver a
 * burst (a batch of deposits, its retries) that a person's 30 a minute would cut off.
 */
const WEBHOOK_RATE_LIMIT = {
  rateLimit: { max: 600, timeWindow: 60_000, keyGenerator: (r: { ip: string }) => `webhook:${r.ip}` },
}

/** Why a deposit cannot be verified (one by one, or a reconciled line applied). */
const VERIFY_CONFLICTS = [
  'PAYMENT_ALREADY_VERIFIED',
  'PAYMENT_NOT_VERIFIABLE',
  'MATCH_CLOSED',
  'PAYMENT_SUPERSEDED',
]

export const paymentRoutes: FastifyPluginAsyncTypebox<{
  payments: PaymentService
  auth: Authenticator
  consents: ConsentGate
  /** IDENTITY_REQUIRED (identity.gate.ts), checked before anything else on the routes that need it. */
  requireIdentity: Precondition
  limit: ReturnType<typeof strictLimit>
}> = async (app, { payments, auth, consents, requireIdentity, limit }) => {
  const security = [{ bearerAuth: [] }]

  // Bank statements arrive as the raw CSV or as an uploaded file (only routes in this plugin see them).
  app.addContentTypeParser(
    ['text/csv', 'application/csv'],
    { parseAs: 'buffer', bodyLimit: STATEMENT_LIMIT_BYTES },
    (_request, body, done) => done(null, body),
  )
  await app.register(multipart, {
    limits: { fileSize: STATEMENT_LIMIT_BYTES, files: 1, fields: 5, parts: 6 },
  })

  app.post(
    '/payments/intent',
    {
      // IDENTITY_REQUIRED before the body is read, CONSENT_REQUIRED after it is validated.
      preParsing: [auth.requireUser, requireIdentity],
      preHandler: consents.toPay,
      config: limit,
      schema: {
        tags: ['payments'],
        summary:
          'The payment of a pending match: a bank transfer with a code, or a virtual account opened at ' +
          'PortOne (created once; the same for both of you; needs a verified identity when IDENTITY_REQUIRED, ' +
          'then the current terms, privacy, adult and refund consents)',
        security,
        body: IntentBody,
        response: {
          200: Payment,
          ...authErrors({
            400: ['METHOD_UNAVAILABLE'],
            403: ['IDENTITY_REQUIRED', 'CONSENT_REQUIRED'],
            404: ['MATCH_NOT_FOUND'],
            409: ['MATCH_NOT_PENDING'],
            503: ['PAYMENT_PROVIDER_UNAVAILABLE'],
          }),
        },
      },
    },
    async (request) => payments.intent(caller(request), request.body.matchId, request.body.method),
  )

  app.put(
    '/payments/:paymentId/refund-account',
    {
      preParsing: auth.requireUser,
      config: limit,
      schema: {
        tags: ['payments'],
        summary:
          'Where to pay back a virtual-account deposit owed to you (refund_due or amount_mismatch; stored encrypted)',
        security,
        params: PaymentParams,
        body: RefundAccountBody,
        response: {
          200: Ok,
          ...authErrors({ 403: ['NOT_PAYER'], 404: ['PAYMENT_NOT_FOUND'], 409: ['REFUND_NOT_DUE'] }),
        },
      },
    },
    async (request) => payments.setRefundAccount(caller(request), request.params.paymentId, request.body),
  )

  // The webhook checks its signature over the bytes PortOne signed, so its body is kept as received.
  await app.register(async (hooks) => {
    hooks.removeContentTypeParser('application/json')
    hooks.addContentTypeParser(
      'application/json',
      { parseAs: 'string', bodyLimit: WEBHOOK_LIMIT_BYTES },
      (_request, body, done) => done(null, body),
    )
    hooks.post(
      '/webhooks/portone',
      {
        config: WEBHOOK_RATE_LIMIT,
        bodyLimit: WEBHOOK_LIMIT_BYTES,
        schema: {
          tags: ['webhooks'],
          summary:
            "PortOne's payment webhooks (Standard Webhooks signature, PORTONE_WEBHOOK_SECRET): 200 for every " +
            'validly signed delivery; the payment is then read from PortOne, never from the body',
          consumes: ['application/json'],
          body: Type.Unsafe<unknown>({
            type: 'object',
            'x-raw-body': true,
            description:
              "PortOne's webhook (version 2024-04-25), e.g. { type: 'Transaction.Paid', data: { paymentId } }",
          }),
          response: { 200: Ok, ...errorResponses({ 400: ['INVALID_WEBHOOK'] }) },
        },
      },
      async (request) =>
        payments.webhook(typeof request.body === 'string' ? request.body : '', request.headers),
    )
  })

  app.get(
    '/payments/:paymentId',
    {
      preParsing: auth.requireUser,
      schema: {
        tags: ['payments'],
        summary: 'A payment of one of your matches',
        security,
        params: PaymentParams,
        response: { 200: Payment, ...authErrors({ 404: ['PAYMENT_NOT_FOUND'] }) },
      },
    },
    async (request) => payments.get(caller(request), request.params.paymentId),
  )

  app.post(
    '/admin/payments/:paymentId/verify',
    {
      preParsing: auth.requireAdmin,
      schema: {
        tags: ['admin'],
        summary: 'Confirm the deposit arrived (audited; activates the match if AUTO_ACTIVATE_ON_VERIFY)',
        security,
        params: PaymentParams,
        body: VerifyBody,
        response: {
          200: Ok,
          ...adminErrors({ 400: ['REASON_REQUIRED'], 404: ['PAYMENT_NOT_FOUND'], 409: VERIFY_CONFLICTS }),
        },
      },
    },
    async (request) => payments.verify(caller(request), request.params.paymentId, request.body),
  )

  app.post(
    '/admin/payments/:paymentId/refund',
    {
      preParsing: auth.requireAdmin,
      schema: {
        tags: ['admin'],
        summary:
          'Pay back a deposit: a bank transfer is recorded as paid back; a virtual account owed back ' +
          "(refund_due, amount_mismatch) is refunded through PortOne to the payer's account (refunded when " +
          'PortOne confirms; a failure is kept in refundError); a verified one is not owed: 409 PAYMENT_NOT_REFUNDABLE',
        security,
        params: PaymentParams,
        body: RefundBody,
        response: {
          200: RefundResult,
          ...adminErrors({
            404: ['PAYMENT_NOT_FOUND'],
            409: [
              'PAYMENT_NOT_REFUNDABLE',
              'REFUND_IN_PROGRESS',
              'REFUND_ACCOUNT_MISSING',
              'METHOD_UNAVAILABLE',
              'REFUND_FAILED',
            ],
            503: ['PAYMENT_PROVIDER_UNAVAILABLE'],
          }),
        },
      },
    },
    async (request) => payments.refund(caller(request), request.params.paymentId, request.body.reason),
  )

  app.get(
    '/admin/payments',
    {
      preParsing: auth.requireAdmin,
      schema: {
        tags: ['admin'],
        summary: 'Payments, newest first (filter by status and method; search by code or depositor name)',
        security,
        querystring: AdminPaymentsQuery,
        response: { 200: Page(AdminPayment), ...adminErrors() },
      },
    },
    async (request) => payments.adminList(request.query),
  )

  app.get(
    '/admin/payments/export',
    {
      preParsing: auth.requireAdmin,
      schema: {
        tags: ['admin'],
        summary:
          'Payments as a CSV file for a spreadsheet (filters as GET /admin/payments; the newest 10,000)',
        security,
        querystring: AdminPaymentsExportQuery,
        response: {
          200: {
            description: "CSV (UTF-8 with BOM); text cells that would run as formulas start with '",
            content: { 'text/csv': { schema: Type.String() } },
          },
          ...adminErrors(),
        },
      },
    },
    async (request, reply) =>
      reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="payments.csv"')
        .send(await payments.exportCsv(request.query)),
  )

  app.post(
    '/admin/payments/reconcile',
    {
      preParsing: auth.requireAdmin,
      bodyLimit: STATEMENT_LIMIT_BYTES,
      schema: {
        tags: ['admin'],
        summary: 'Match a bank statement (CSV, UTF-8 or CP949; raw text/csv or a multipart file) to payments',
        security,
        querystring: ReconcileQuery,
        consumes: ['text/csv', 'multipart/form-data'],
        body: Type.Unsafe<unknown>({
          type: 'string',
          format: 'binary',
          'x-raw-body': true,
          description: 'The statement CSV; a header row names the date, depositor and amount columns',
        }),
        response: {
          200: ReconcileResult,
          ...adminErrors({ 400: ['INVALID_STATEMENT', 'STATEMENT_REQUIRED'], 409: VERIFY_CONFLICTS }),
        },
      },
    },
    async (request) => {
      let statement: Uint8Array | undefined
      if (request.isMultipart()) {
        try {
          const file = await request.file()
          statement = file ? await file.toBuffer() : undefined
        } catch (err) {
          // Over a limit is a 413 (its own status); anything else is a malformed upload, not our fault.
          const status = (err as { statusCode?: number }).statusCode
          if (status === 413) throw err
          throw badRequest('INVALID_STATEMENT', 'The multipart upload is malformed or incomplete')
        }
      } else if (Buffer.isBuffer(request.body)) {
        statement = request.body
      }
      if (!statement)
        throw badRequest('STATEMENT_REQUIRED', 'Send the statement as text/csv or as a multipart file')
      return payments.reconcile(caller(request), statement, request.query.apply)
    },
  )

  app.post(
    '/admin/matches/:matchId/activate',
    {
      preParsing: auth.requireAdmin,
      schema: {
        tags: ['admin'],
        summary: 'Activate a pending match whose payment is verified (reveals contacts; audited)',
        security,
        params: ActivateParams,
        body: ActivateBody,
        response: {
          200: Ok,
          ...adminErrors({
            400: ['REASON_REQUIRED'],
            404: ['MATCH_NOT_FOUND'],
            409: ['MATCH_NOT_PENDING', 'PAYMENT_NOT_VERIFIED'],
          }),
        },
      },
    },
    async (request) => payments.activate(caller(request), request.params.matchId, request.body),
  )
}
