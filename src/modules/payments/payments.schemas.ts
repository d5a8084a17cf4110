import { Type } from 'typebox'
import { PAYMENT_METHODS, PAYMENT_STATUSES } from '../../core/db/schema.js'
import { DateTime, Nullable, PageQuery, Text, Uuid } from '../../core/http/schemas.js'
import { BANK_CODES } from '../../core/portone/banks.js'

const Status = Type.Enum([...PAYMENT_STATUSES])
const Method = Type.Enum([...PAYMENT_METHODS])

export const IntentBody = Type.Object({
  matchId: Uuid,
  method: Type.Optional(
    Type.Enum([...PAYMENT_METHODS], {
      default: 'transfer',
      description:
        'transfer: to our bank account with a code; virtual_account: an account of its own, confirmed ' +
        'automatically (needs PAYMENT_PROVIDER=portone, else 400 METHOD_UNAVAILABLE). The first intent ' +
        'of a match decides: later calls answer the live payment whatever method they name.',
    }),
  ),
})
export const PaymentParams = Type.Object({ paymentId: Uuid })

export const Payment = Type.Object(
  {
    id: Uuid,
    matchId: Uuid,
    method: Method,
    amount: Type.Integer({ description: 'KRW' }),
    code: Nullable(
      Type.String({
        description:
          'Put this code in the depositor name (입금자명) of the transfer (bank transfers only; null for a virtual account)',
      }),
    ),
    status: Status,
    depositorName: Nullable(Type.String()),
    verifiedAt: Nullable(DateTime),
    createdAt: DateTime,
    expiresAt: DateTime,
    bank: Nullable(
      Type.Object(
        { name: Type.String(), account: Type.String(), holder: Type.String() },
        { description: 'Where to transfer: bank transfers only (null for a virtual account)' },
      ),
    ),
    virtualAccount: Nullable(
      Type.Object(
        {
          bank: Type.String({ description: "The bank's code as PortOne names it (KOOKMIN, SHINHAN, …)" }),
          bankName: Type.String(),
          accountNumber: Type.String(),
          holder: Type.String({ description: 'The name the payer sees (입금주명)' }),
          expiresAt: DateTime,
        },
        { description: 'Where to deposit exactly `amount`: virtual accounts only (null for a transfer)' },
      ),
    ),
  },
  { description: 'A payment for a match: a bank transfer with a code, or a virtual account' },
)

export const AdminPayment = Type.Object({
  ...Payment.properties,
  memo: Nullable(Type.String()),
  refundedAt: Nullable(DateTime),
  updatedAt: DateTime,
  paidAmount: Nullable(Type.Integer({ description: 'What PortOne says was deposited (virtual accounts)' })),
  paidAt: Nullable(DateTime),
  refundAccountGiven: Type.Boolean({ description: 'The payer has given an account for the refund' }),
  refundRequestedAt: Nullable(DateTime),
  refundError: Nullable(Type.String({ description: "PortOne's last answer to a refund that failed" })),
})

export const RefundResult = Type.Object({
  ok: Type.Literal(true),
  status: Type.Enum([...PAYMENT_STATUSES], {
    description: 'refunded, or (a refund PortOne has accepted but not confirmed) the status it had',
  }),
})

export const RefundAccountBody = Type.Object({
  bank: Type.Enum([...BANK_CODES], { description: "The bank's code as PortOne names it" }),
  number: Type.String({ pattern: '^[0-9]{6,20}$', description: 'Digits only' }),
  holderName: Text({ maxLength: 40, nonBlank: true }),
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
  method: Type.Optional(Method),
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
