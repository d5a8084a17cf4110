import { Type } from 'typebox'
import { DateTime, Nullable, Text, Uuid, WeekLabel } from '../../core/http/schemas.js'
import { PublicProfile } from '../profiles/profiles.schemas.js'

export const RecommendationsQuery = Type.Object({
  week: Type.Optional(
    Text({ maxLength: 16, description: 'ISO week `YYYY-Www` (Asia/Seoul); default: your newest list' }),
  ),
})

export const RecommendationItem = Type.Object({
  targetUserId: Uuid,
  batchWeek: WeekLabel,
  score: Type.Number({ description: 'Reciprocal match score (higher is better)' }),
  liked: Type.Boolean({ description: 'You have liked this person' }),
  profile: PublicProfile,
})

export const RunRecsBody = Type.Object({
  week: Type.Optional(Text({ maxLength: 16, description: 'This week or the next; default this week' })),
})

export const RunAccepted = Type.Object({
  runId: Uuid,
  week: WeekLabel,
  status: Type.Enum(['queued', 'running', 'succeeded', 'failed']),
})

export const BatchRun = Type.Object({
  id: Uuid,
  week: WeekLabel,
  status: Type.Enum(['queued', 'running', 'succeeded', 'failed']),
  trigger: Type.Enum(['schedule', 'admin', 'cli']),
  requestedBy: Nullable(Uuid),
  usersTotal: Nullable(
    Type.Integer({ description: 'Eligible users without a list for the week when the run started' }),
  ),
  usersProcessed: Type.Integer({ description: 'Same as usersDone (kept for existing clients)' }),
  usersDone: Type.Integer({
    description: 'Users whose lists are written so far (progress: usersDone/usersTotal)',
  }),
  slicesTotal: Nullable(
    Type.Integer({ description: 'Viewers are built in this many slices; a resumed run skips those done' }),
  ),
  slicesDone: Type.Integer(),
  recommendationsWritten: Type.Integer(),
  durationMs: Nullable(Type.Integer()),
  error: Nullable(Type.String()),
  createdAt: DateTime,
  startedAt: Nullable(DateTime),
  finishedAt: Nullable(DateTime),
})

export const RunParams = Type.Object({ runId: Uuid })
