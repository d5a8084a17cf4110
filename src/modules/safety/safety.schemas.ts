import { Type } from 'typebox'
import { REPORT_REASONS } from '../../core/db/schema.js'
import { DateTime, Nullable, PageQuery, Text, Uuid } from '../../core/http/schemas.js'

export const BlockBody = Type.Object({ userId: Uuid })
export const BlockParams = Type.Object({ userId: Uuid })
export const Block = Type.Object({
  userId: Uuid,
  nickname: Nullable(Type.String()),
  createdAt: DateTime,
})

const Reason = Type.Enum([...REPORT_REASONS])
export const ReportBody = Type.Object({
  reportedUserId: Uuid,
  reason: Reason,
  detail: Type.Optional(Text({ maxLength: 1000, multiline: true })),
})
export const Report = Type.Object({
  id: Uuid,
  reportedUserId: Uuid,
  reason: Reason,
  detail: Nullable(Type.String()),
  handled: Type.Boolean(),
  createdAt: DateTime,
})

export const AdminReport = Type.Object({
  id: Uuid,
  reporterId: Uuid,
  reportedUserId: Uuid,
  reason: Reason,
  detail: Nullable(Type.String()),
  handled: Type.Boolean(),
  handledAt: Nullable(DateTime),
  handledBy: Nullable(Uuid),
  createdAt: DateTime,
})
export const AdminReportsQuery = Type.Object({ handled: Type.Optional(Type.Boolean()), ...PageQuery })
export const ReportParams = Type.Object({ reportId: Uuid })
export const HandleReportBody = Type.Object({
  action: Type.Enum(['dismiss', 'ban']),
  memo: Type.Optional(Text({ maxLength: 1000, multiline: true })),
})
