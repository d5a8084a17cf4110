import { Type } from 'typebox'
import { PAYMENT_STATUSES } from '../../core/db/schema.js'
import { DateTime, Nullable, PageQuery, Text, Uuid } from '../../core/http/schemas.js'

const Status = Type.Enum([...PAYMENT_STATUSES])

export const IntentBody = Type.Object({ matchId: Uuid })
export const PaymentParams = Type.Object({ paymentId: Uuid })

export const Payment = Type.Object(
  {
    id: Uuid,
    matchId: Uuid,
    method: Type.Literal('transfer'),
    amount: Type.Integer({ description: 'KRW' }),
    code: Type.String({ description: 'Put this code in the depositor name (입금자명) of the transfer' }),
    status: Status,
    depositorName: Nullable(Type.String()),
    verifiedAt: Nullable(DateTime),
    createdAt: DateTime,
    expiresAt: DateTime,
    bank: Type.Object({ name: Type.String(), account: Type.String(), holder: Type.String() }),
  },
  { description: 'A bank-transfer payment for a match' },
)

export const AdminPayment = Type.Object({
  ...Payment.properties,
  memo: Nullable(Type.String()),
  refundedAt: Nullable(DateTime),
  updatedAt: DateTime,
})

export const VerifyBody = Type.Object({
  depositorName: Type.Optional(Text({ maxLength: 100 })),
  memo: Type.Optional(Text({ maxLength: 1000, multiline: true })),
})
export const RefundBody = Type.Object({
  reason: Text({ maxLength: 1000, nonBlank: true, multiline: true }),
})
export const ActivateParams = Type.Object({ matchId: Uuid })
export const ActivateBody = Type.Object({
  force: Type.Optional(Type.Boolean({ description: 'Activate without a verified payment (needs a reason)' })),
  reason: Type.Optional(Text({ maxLength: 1000, multiline: true })),
})

const PaymentFilter = {
  status: Type.Optional(Status),
  query: Type.Optional(Text({ maxLength: 100, description: 'Part of a code or a depositor name' })),
}
export const AdminPaymentsQuery = Type.Object({ ...PaymentFilter, ...PageQuery })
export const AdminPaymentsExportQuery = Type.Object(PaymentFilter)

export const ReconcileQuery = Type.Object({
  apply: Type.Boolean({ default: false, description: 'Verify every matched payment (one transaction)' }),
})
export const ReconcileResult = Type.Object({
  lines: Type.Array(
    Type.Object({
      line: Type.Integer(),
      date: DateTime,
      depositor: Type.String(),
      amount: Type.Integer(),
      status: Type.Enum(['matched', 'ambiguous', 'unmatched']),
      paymentId: Type.Optional(Uuid),
      reason: Type.Optional(Type.String()),
    }),
  ),
  applied: Type.Integer({ description: 'Payments verified (with apply=true)' }),
})
