import { sql } from 'drizzle-orm'
import {
  bigint,
  bigserial,
  boolean,
  char,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core'

/**
 * The schema of SPEC §3.1 with DESIGN.md's fixes: ISO-week exposure keys, a LEAST/GREATEST pair
 * index on matches, CHECKs on enumerations and on self-references, blocks in their own table.
 */

const timestamptz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' })

/** Who made an audited change: an operator, or a part of the API itself (`system:startup`, …). */
export type AuditActor = 'admin' | `system:${string}`

export const USER_ROLES = ['user', 'admin'] as const
export type UserRole = (typeof USER_ROLES)[number]
export const GENDERS = ['M', 'F'] as const
export type Gender = (typeof GENDERS)[number]
export const MATCH_STATUSES = ['pending', 'active', 'closed'] as const
export type MatchStatus = (typeof MATCH_STATUSES)[number]
export const PAYMENT_STATUSES = [
  'pending',
  'verified',
  'amount_mismatch',
  'expired',
  'refund_due',
  'refunded',
] as const
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number]
/** The statuses that are not final: one payment of a match at a time may be in them. */
export const LIVE_PAYMENT_STATUSES = ['pending', 'verified', 'amount_mismatch'] as const
export const PAYMENT_METHODS = ['transfer', 'virtual_account'] as const
export type PaymentMethod = (typeof PAYMENT_METHODS)[number]
export const REPORT_REASONS = [
  'spam',
  'fake_profile',
  'harassment',
  'inappropriate_content',
  'underage',
  'scam',
  'other',
] as const
export type ReportReason = (typeof REPORT_REASONS)[number]

export interface Visibility {
  age: boolean
  height: boolean
  region: boolean
  job: boolean
  intro: boolean
}
export const DEFAULT_VISIBILITY: Visibility = {
  age: true,
  height: false,
  region: true,
  job: true,
  intro: true,
}

const inList = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(', '))

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /**
     * A compact number for the person, for the weekly batch's arrays: a list holds ten of them as
     * int4 (4 bytes each, against 16 for a uuid), and the batch maps one to a person by indexing an
     * array. Never reused (users are anonymised, not deleted); never shown outside the database.
     */
    seq: integer('seq').notNull().generatedAlwaysAsIdentity(),
    kakaoUserId: text('kakao_user_id').notNull().unique(),
    phoneVerified: boolean('phone_verified').notNull().default(false),
    role: text('role').$type<UserRole>().notNull().default('user'),
    banned: boolean('banned').notNull().default(false),
    /** Bumped to invalidate every token issued before (ban, deletion, "sign out everywhere"). */
    tokenVersion: integer('token_version').notNull().default(0),
    /** The person's setting: notifications outside the app (알림톡 with SMS fallback) on or off. */
    notifyExternal: boolean('notify_external').notNull().default(true),
    lastActiveAt: timestamptz('last_active_at'),
    deletedAt: timestamptz('deleted_at'),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
    /*
     * Identity verification (본인인증), the minimum kept of it: when, the verified birth year and
     * gender (the profile must agree), the phone number encrypted (AES-256-GCM, the user id as
     * additional data), and a keyed hash of the CI (HMAC, IDENTITY_HASH_KEY) — never the CI or the name.
     */
    identityVerifiedAt: timestamptz('identity_verified_at'),
    verifiedBirthYear: integer('verified_birth_year'),
    verifiedGender: char('verified_gender', { length: 1 }).$type<Gender>(),
    phoneEncrypted: text('phone_encrypted'),
    ciHash: text('ci_hash'),
  },
  (t) => [
    check('users_role_check', sql`${t.role} IN (${inList(USER_ROLES)})`),
    check('users_verified_gender_check', sql`${t.verifiedGender} IN (${inList(GENDERS)})`),
    index('users_last_active_idx').on(t.lastActiveAt),
    // One person, one account: two accounts racing with one CI cannot both commit it.
    uniqueIndex('users_ci_hash_live_uq').on(t.ciHash).where(sql`${t.deletedAt} IS NULL`),
    uniqueIndex('users_seq_uq').on(t.seq),
  ],
)

/**
 * The ids handed to the browser for PortOne's identity verification: ours, unguessable, bound to the
 * account that asked, valid for 30 minutes and usable once.
 */
export const identityVerifications = pgTable(
  'identity_verifications',
  {
    id: text('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
    expiresAt: timestamptz('expires_at').notNull(),
    usedAt: timestamptz('used_at'),
  },
  (t) => [index('identity_verifications_user_idx').on(t.userId)],
)

export const profiles = pgTable(
  'profiles',
  {
    userId: uuid('user_id')
      .primaryKey()
      .references(() => users.id, { onDelete: 'cascade' }),
    nickname: text('nickname').notNull(),
    gender: char('gender', { length: 1 }).$type<Gender>().notNull(),
    birthYear: integer('birth_year').notNull(),
    height: integer('height'),
    region: text('region'),
    job: text('job'),
    intro: text('intro'),
    /**
     * The storage keys of the photos others may see, in the owner's order: kept by the photos module
     * in the same transaction as every change to `photos` (see photos.repository.ts), so that lists of
     * profiles read them without a join.
     */
    photos: jsonb('photos').$type<string[]>().notNull().default([]),
    visible: jsonb('visible').$type<Visibility>().notNull().default(DEFAULT_VISIBILITY),
    /** Phone number or Kakao open-chat link, AES-256-GCM encrypted (see core/security/crypto.ts). */
    contactEncrypted: text('contact_encrypted'),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
    updatedAt: timestamptz('updated_at').notNull().defaultNow(),
  },
  (t) => [
    check('profiles_gender_check', sql`${t.gender} IN (${inList(GENDERS)})`),
    check('profiles_height_check', sql`${t.height} IS NULL OR ${t.height} BETWEEN 100 AND 250`),
  ],
)

export const preferences = pgTable(
  'preferences',
  {
    userId: uuid('user_id')
      .primaryKey()
      .references(() => users.id, { onDelete: 'cascade' }),
    targetGender: char('target_gender', { length: 1 }).$type<Gender>().notNull(),
    ageMin: integer('age_min').notNull(),
    ageMax: integer('age_max').notNull(),
    regions: text('regions').array().notNull().default(sql`'{}'::text[]`),
    keywords: text('keywords').array().notNull().default(sql`'{}'::text[]`),
    updatedAt: timestamptz('updated_at').notNull().defaultNow(),
  },
  (t) => [
    check('preferences_target_gender_check', sql`${t.targetGender} IN (${inList(GENDERS)})`),
    check(
      'preferences_age_range_check',
      sql`${t.ageMin} >= 19 AND ${t.ageMin} <= ${t.ageMax} AND ${t.ageMax} <= 100`,
    ),
  ],
)

export const blocks = pgTable(
  'blocks',
  {
    blockerId: uuid('blocker_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    blockedId: uuid('blocked_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.blockerId, t.blockedId] }),
    check('blocks_not_self', sql`${t.blockerId} <> ${t.blockedId}`),
    index('blocks_blocked_idx').on(t.blockedId),
  ],
)

/*
 * recommendation_lists is written in bulk by the weekly batch (a row per viewer: 100,000 rows for
 * 100,000 users) and has no foreign keys: the checks doubled the cost of those writes (measured on the
 * row-per-pair table it replaced: 638 → 337 ms per 20,000 rows). Integrity holds by construction: the
 * batch writes only people it read from `users` in the same run, users are never hard-deleted
 * (deletion anonymises the row), and account deletion removes the user's own lists explicitly.
 */

/**
 * The weekly lists: one row per viewer and week, the people recommended as an array of `users.seq`,
 * best first. It is also the exposure record (SPEC's exposure_log): the 12-week no-repeat rule and
 * how often each person was shown are read from it, so who was shown to whom is stored once. A row
 * per pair with its index (SPEC's recommendations) took about 210 bytes per pair and the exposure
 * rows 25 more; a row here takes about 23 per pair (bench/README.md).
 */
export const recommendationLists = pgTable(
  'recommendation_lists',
  {
    userId: uuid('user_id').notNull(),
    /** ISO week label (YYYY-Www, Asia/Seoul). */
    batchWeek: text('batch_week').notNull(),
    /** `users.seq` of the people recommended, best first. */
    targets: integer('targets').array().notNull(),
    /** Their scores in thousandths (the score has three decimals), in the same order. */
    scores: smallint('scores').array().notNull(),
    /** Bit i (from 0) set: the viewer answered targets[i + 1]. K is at most 50 (REC_K). */
    responded: bigint('responded', { mode: 'number' }).notNull().default(0),
    sentAt: timestamptz('sent_at'),
  },
  (t) => [
    // A user's list for a week, their newest week, and a slice of viewers' window (the batch).
    primaryKey({ columns: [t.userId, t.batchWeek] }),
    // Rows are appended week after week, so each week is a run of pages: a block-range index finds
    // a week (how often each person was shown, a week's existing lists) for a few kilobytes.
    index('recommendation_lists_week_brin').using('brin', t.batchWeek),
    check('recommendation_lists_scores_check', sql`cardinality(${t.scores}) = cardinality(${t.targets})`),
  ],
)

export const likes = pgTable(
  'likes',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    fromUser: uuid('from_user')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    toUser: uuid('to_user')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    batchWeek: text('batch_week').notNull(),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('likes_from_to_week_uq').on(t.fromUser, t.toUser, t.batchWeek),
    index('likes_to_from_idx').on(t.toUser, t.fromUser),
    check('likes_not_self', sql`${t.fromUser} <> ${t.toUser}`),
  ],
)

/**
 * "Not interested": a person declined someone who liked them or was in their list for a week. The
 * other person is never told; their like stays as it was.
 */
export const passes = pgTable(
  'passes',
  {
    fromUser: uuid('from_user')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    toUser: uuid('to_user')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    batchWeek: text('batch_week').notNull(),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.fromUser, t.toUser, t.batchWeek] }),
    check('passes_not_self', sql`${t.fromUser} <> ${t.toUser}`),
  ],
)

export const matches = pgTable(
  'matches',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userA: uuid('user_a')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    userB: uuid('user_b')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    status: text('status').$type<MatchStatus>().notNull().default('pending'),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
    activatedAt: timestamptz('activated_at'),
    closedAt: timestamptz('closed_at'),
  },
  (t) => [
    uniqueIndex('matches_pair_uq').on(
      sql`LEAST(${t.userA}, ${t.userB})`,
      sql`GREATEST(${t.userA}, ${t.userB})`,
    ),
    index('matches_user_a_idx').on(t.userA),
    index('matches_user_b_idx').on(t.userB),
    // The hourly expiry looks for pending matches older than MATCH_PAYMENT_DAYS.
    index('matches_pending_created_idx').on(t.createdAt).where(sql`${t.status} = 'pending'`),
    check('matches_status_check', sql`${t.status} IN (${inList(MATCH_STATUSES)})`),
    check('matches_not_self', sql`${t.userA} <> ${t.userB}`),
  ],
)

export const payments = pgTable(
  'payments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    // Payment records outlive everything else (e-commerce law: 5 years), so no cascade.
    matchId: uuid('match_id')
      .notNull()
      .references(() => matches.id, { onDelete: 'restrict' }),
    method: text('method').$type<PaymentMethod>().notNull().default('transfer'),
    amount: integer('amount').notNull(),
    /** The code a bank transfer carries in its depositor name; virtual accounts need none. */
    code: text('code'),
    status: text('status').$type<PaymentStatus>().notNull().default('pending'),
    depositorName: text('depositor_name'),
    verifiedAt: timestamptz('verified_at'),
    memo: text('memo'),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
    updatedAt: timestamptz('updated_at').notNull().defaultNow(),
    expiresAt: timestamptz('expires_at').notNull(),
    refundedAt: timestamptz('refunded_at'),
    /** Who asked for the payment (the virtual account is issued to them; they get a refund). */
    requestedBy: uuid('requested_by'),
    /*
     * The virtual account PortOne issued (our store's receiving account, not personal data): bank
     * code as PortOne names it (KOOKMIN, …), number, holder, and until when it takes deposits.
     */
    vaBank: text('va_bank'),
    vaAccountNumber: text('va_account_number'),
    vaHolder: text('va_holder'),
    vaExpiresAt: timestamptz('va_expires_at'),
    /** What PortOne last said was paid (KRW), and when. */
    paidAmount: integer('paid_amount'),
    paidAt: timestamptz('paid_at'),
    /**
     * The payer's account for a refund ({ bank, number, holderName } as JSON, AES-256-GCM with the
     * payment id as additional data); erased when the refund completes.
     */
    refundAccountEncrypted: text('refund_account_encrypted'),
    /** A refund asked of PortOne and not yet confirmed; and the last failure, shown to operators. */
    refundRequestedAt: timestamptz('refund_requested_at'),
    refundError: text('refund_error'),
  },
  (t) => [
    check('payments_method_check', sql`${t.method} IN (${inList(PAYMENT_METHODS)})`),
    check('payments_status_check', sql`${t.status} IN (${inList(PAYMENT_STATUSES)})`),
    check('payments_amount_check', sql`${t.amount} > 0`),
    check('payments_code_check', sql`(${t.method} = 'transfer') = (${t.code} IS NOT NULL)`),
    check(
      'payments_virtual_account_check',
      sql`(${t.method} = 'virtual_account') = (${t.vaAccountNumber} IS NOT NULL AND ${t.vaBank} IS NOT NULL AND ${t.vaHolder} IS NOT NULL AND ${t.vaExpiresAt} IS NOT NULL)`,
    ),
    // SPEC's UNIQUE(match_id) would forbid a new intent after one expired; only live ones are unique.
    uniqueIndex('payments_live_match_uq')
      .on(t.matchId)
      .where(sql`${t.status} IN (${inList(LIVE_PAYMENT_STATUSES)})`),
    uniqueIndex('payments_live_code_uq')
      .on(t.code)
      .where(sql`${t.status} IN (${inList(LIVE_PAYMENT_STATUSES)})`),
    index('payments_status_idx').on(t.status, t.createdAt),
    // The recheck of lost webhooks reads only unpaid virtual accounts.
    index('payments_va_unpaid_idx')
      .on(t.createdAt)
      .where(sql`${t.method} = 'virtual_account' AND ${t.paidAt} IS NULL`),
  ],
)

/**
 * The ids of PortOne webhook deliveries already acted on: a delivery repeated (same `webhook-id`)
 * changes nothing a second time.
 */
export const portoneWebhooks = pgTable(
  'portone_webhooks',
  {
    webhookId: text('webhook_id').primaryKey(),
    type: text('type').notNull(),
    paymentId: text('payment_id'),
    receivedAt: timestamptz('received_at').notNull().defaultNow(),
  },
  (t) => [index('portone_webhooks_received_idx').on(t.receivedAt)],
)

/**
 * The audit trail of changes made by operators (`actor = 'admin'`, with their `admin_id`) and by the
 * API itself (`actor = 'system:<name>'`, e.g. `system:startup`, no admin_id).
 */
export const adminActions = pgTable(
  'admin_actions',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    actor: text('actor').$type<AuditActor>().notNull(),
    adminId: uuid('admin_id').references(() => users.id),
    action: text('action').notNull(),
    targetId: text('target_id'),
    detail: jsonb('detail').$type<Record<string, unknown>>(),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('admin_actions_created_idx').on(t.createdAt),
    check('admin_actions_actor_check', sql`${t.actor} = 'admin' OR ${t.actor} ~ '^system:[a-z][a-z0-9_-]*$'`),
    check('admin_actions_admin_id_check', sql`(${t.actor} = 'admin') = (${t.adminId} IS NOT NULL)`),
  ],
)

export const reports = pgTable(
  'reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    reporter: uuid('reporter')
      .notNull()
      .references(() => users.id),
    reported: uuid('reported')
      .notNull()
      .references(() => users.id),
    reason: text('reason').$type<ReportReason>().notNull(),
    detail: text('detail'),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
    handled: boolean('handled').notNull().default(false),
    handledAt: timestamptz('handled_at'),
    handledBy: uuid('handled_by').references(() => users.id),
  },
  (t) => [
    check('reports_reason_check', sql`${t.reason} IN (${inList(REPORT_REASONS)})`),
    check('reports_not_self', sql`${t.reporter} <> ${t.reported}`),
    uniqueIndex('reports_open_pair_uq').on(t.reporter, t.reported).where(sql`NOT ${t.handled}`),
    index('reports_handled_idx').on(t.handled, t.createdAt),
  ],
)

export const BATCH_RUN_STATUSES = ['queued', 'running', 'succeeded', 'failed'] as const
export type BatchRunStatus = (typeof BATCH_RUN_STATUSES)[number]

/** One row per run of the weekly recommendation batch, updated as it progresses. */
export const batchRuns = pgTable(
  'batch_runs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    week: text('week').notNull(),
    status: text('status').$type<BatchRunStatus>().notNull().default('queued'),
    trigger: text('trigger').$type<'schedule' | 'admin' | 'cli'>().notNull(),
    requestedBy: uuid('requested_by').references(() => users.id),
    usersTotal: integer('users_total'),
    usersProcessed: integer('users_processed').notNull().default(0),
    /** Viewers are split into this many id ranges, fixed when the run starts (so a resumed run keeps them). */
    slicesTotal: integer('slices_total'),
    /** The slices whose lists are written: each is added in the transaction that writes them. */
    slicesDone: integer('slices_done').array().notNull().default(sql`'{}'::integer[]`),
    recommendationsWritten: integer('recommendations_written').notNull().default(0),
    durationMs: integer('duration_ms'),
    error: text('error'),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
    startedAt: timestamptz('started_at'),
    finishedAt: timestamptz('finished_at'),
  },
  (t) => [
    check('batch_runs_status_check', sql`${t.status} IN (${inList(BATCH_RUN_STATUSES)})`),
    check('batch_runs_trigger_check', sql`${t.trigger} IN ('schedule', 'admin', 'cli')`),
    index('batch_runs_week_idx').on(t.week, t.createdAt),
  ],
)

/**
 * Every admin read of a person's personal data (PIPA safety measures): who, when, whose, what, why.
 */
export const piiAccessLog = pgTable(
  'pii_access_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    adminId: uuid('admin_id')
      .notNull()
      .references(() => users.id),
    subjectUserId: uuid('subject_user_id').notNull(),
    what: text('what').notNull(),
    reason: text('reason'),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
  },
  (t) => [index('pii_access_log_created_idx').on(t.createdAt)],
)

export const CONSENT_KINDS = ['terms', 'privacy', 'refund', 'adult', 'contactShare'] as const
export type ConsentKind = (typeof CONSENT_KINDS)[number]

/** Consent history (SPEC §8 legal notices): a row per acceptance or withdrawal, never overwritten. */
export const consents = pgTable(
  'consents',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind').$type<ConsentKind>().notNull(),
    /** The version of the document accepted; null records a withdrawal. */
    version: text('version'),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
  },
  (t) => [
    check('consents_kind_check', sql`${t.kind} IN (${inList(CONSENT_KINDS)})`),
    index('consents_user_kind_idx').on(t.userId, t.kind, t.createdAt),
  ],
)

/**
 * Keyed hashes (HMAC-SHA-256, IDENTITY_HASH_KEY) of the Kakao ids of banned people who deleted their
 * account, so that signing in again does not lift the ban, and of their CI if they had verified
 * their identity, so that a new Kakao account does not either. Neither the Kakao id nor the CI is kept.
 */
export const bannedIdentities = pgTable(
  'banned_identities',
  {
    kakaoIdHash: text('kakao_id_hash').primaryKey(),
    /**
     * Hashed with a key derived from a DATA_ENCRYPTION_KEY, before IDENTITY_HASH_KEY existed: still
     * recognised while that key is listed, and re-keyed when the person signs in again.
     */
    legacy: boolean('legacy').notNull().default(false),
    /** The keyed hash of the deleted account's CI; moves to the person's next account when they verify. */
    ciHash: text('ci_hash'),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
  },
  (t) => [index('banned_identities_ci_hash_idx').on(t.ciHash).where(sql`${t.ciHash} IS NOT NULL`)],
)

/**
 * SHA-256 of the decoded signature of every Kakao ID token accepted, kept until the token expires,
 * so a token works once, however its signature is spelled.
 */
export const kakaoIdTokenUses = pgTable(
  'kakao_id_token_uses',
  {
    tokenHash: text('token_hash').primaryKey(),
    expiresAt: timestamptz('expires_at').notNull(),
  },
  (t) => [index('kakao_id_token_uses_expires_idx').on(t.expiresAt)],
)

/**
 * Operator console sessions (the cookie holds a random token; only its SHA-256 is stored). A session
 * ends at sign-out (row deleted), after 12 h or 1 h unused, and when the admin's token_version moves.
 */
export const consoleSessions = pgTable(
  'console_sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    tokenVersion: integer('token_version').notNull(),
    /** The synchronizer token every state-changing console form carries. */
    csrfToken: text('csrf_token').notNull(),
    createdAt: timestamptz('created_at').notNull(),
    lastSeenAt: timestamptz('last_seen_at').notNull(),
  },
  (t) => [
    index('console_sessions_user_idx').on(t.userId),
    index('console_sessions_seen_idx').on(t.lastSeenAt),
  ],
)

export const PHOTO_STATUSES = ['pending', 'approved', 'rejected'] as const
export type PhotoStatus = (typeof PHOTO_STATUSES)[number]

/**
 * Photos we host (`photos/<userId>/<id>.webp` and `-360.webp`). A rejected photo keeps its row (its
 * owner sees why) but not its files. Users are never hard-deleted, so no cascade.
 */
export const photos = pgTable(
  'photos',
  {
    id: uuid('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    position: integer('position').notNull(),
    status: text('status').$type<PhotoStatus>().notNull().default('pending'),
    width: integer('width').notNull(),
    height: integer('height').notNull(),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
    moderatedAt: timestamptz('moderated_at'),
    moderatedBy: uuid('moderated_by').references(() => users.id),
    rejectionReason: text('rejection_reason'),
  },
  (t) => [
    check('photos_status_check', sql`${t.status} IN (${inList(PHOTO_STATUSES)})`),
    index('photos_user_idx').on(t.userId, t.position),
    // The moderation queue, oldest first.
    index('photos_status_idx').on(t.status, t.createdAt),
  ],
)

/**
 * Pre-signed uploads handed out (`uploads/<userId>/<id>`). A row stays after its upload is claimed
 * until housekeeping deletes the object once more a day later: the URL stays valid for its 10 minutes
 * and could put the bytes back after the claim.
 */
export const photoUploads = pgTable(
  'photo_uploads',
  {
    id: uuid('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
    expiresAt: timestamptz('expires_at').notNull(),
    claimedAt: timestamptz('claimed_at'),
  },
  (t) => [
    index('photo_uploads_user_idx').on(t.userId, t.expiresAt),
    index('photo_uploads_created_idx').on(t.createdAt),
  ],
)

/**
 * Objects to delete from storage, written in the transaction that makes them garbage (a photo
 * deleted or rejected, an account erased) and deleted from storage after it commits; what storage
 * could not delete then is retried by housekeeping.
 */
export const mediaDeletions = pgTable('media_deletions', {
  key: text('key').primaryKey(),
  createdAt: timestamptz('created_at').notNull().defaultNow(),
})

export const NOTIFICATION_TYPES = [
  'recs.ready',
  'like.received',
  'match.created',
  'payment.created',
  'payment.verified',
  'match.activated',
  'match.closed',
  'payment.refund_due',
  'photo.rejected',
] as const
export type NotificationType = (typeof NOTIFICATION_TYPES)[number]

/*
 * The in-app feed. The weekly batch writes a `recs.ready` row for every person who got a list (a
 * hundred thousand in one run), so, like recommendation_lists, the table has no foreign key: rows are
 * written only for users the writer just read, and account deletion removes them explicitly.
 */
export const notifications = pgTable(
  'notifications',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    userId: uuid('user_id').notNull(),
    type: text('type').$type<NotificationType>().notNull(),
    data: jsonb('data').$type<Record<string, unknown>>().notNull(),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
    readAt: timestamptz('read_at'),
  },
  (t) => [
    // The feed newest first by id (its cursor), the polled unread count (a person's few dozen rows)
    // and deletion with the account. The only b-tree: the weekly batch adds 100,000 rows at once and
    // every index is written for each (`bench:notify --unread-index` measures a partial one on top).
    index('notifications_user_id_idx').on(t.userId, t.id),
    // Retention deletes by age; rows arrive in time order, so a BRIN index is tiny and nearly free to keep.
    index('notifications_created_brin').using('brin', t.createdAt),
    check('notifications_type_check', sql`${t.type} IN (${inList(NOTIFICATION_TYPES)})`),
  ],
)

export const DELIVERY_STATUSES = ['pending', 'sending', 'sent', 'dead'] as const
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number]

/**
 * The outbox of notifications sent outside the app, written in the transaction of the notification.
 * A worker claims due rows (`FOR UPDATE SKIP LOCKED`), marks them `sending` until `next_attempt_at`
 * (its lease), and records the outcome; a row whose sender died is claimed again once the lease ends.
 */
export const notificationDeliveries = pgTable(
  'notification_deliveries',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    notificationId: bigint('notification_id', { mode: 'number' })
      .notNull()
      .references(() => notifications.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').notNull(),
    type: text('type').$type<NotificationType>().notNull(),
    channel: text('channel').$type<'alimtalk'>().notNull().default('alimtalk'),
    status: text('status').$type<DeliveryStatus>().notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    /** When a pending row is due, or when the lease of a row being sent ends. */
    nextAttemptAt: timestamptz('next_attempt_at'),
    lastError: text('last_error'),
    providerMessageId: text('provider_message_id'),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
    updatedAt: timestamptz('updated_at').notNull().defaultNow(),
    sentAt: timestamptz('sent_at'),
  },
  (t) => [
    index('notification_deliveries_due_idx')
      .on(t.nextAttemptAt)
      .where(sql`${t.status} IN ('pending', 'sending')`),
    index('notification_deliveries_status_idx').on(t.status, t.id),
    index('notification_deliveries_user_idx').on(t.userId),
    check('notification_deliveries_status_check', sql`${t.status} IN (${inList(DELIVERY_STATUSES)})`),
    check('notification_deliveries_channel_check', sql`${t.channel} IN ('alimtalk')`),
  ],
)

export const schema = {
  users,
  consoleSessions,
  profiles,
  preferences,
  blocks,
  recommendationLists,
  likes,
  matches,
  payments,
  adminActions,
  reports,
  kakaoIdTokenUses,
  batchRuns,
  consents,
  bannedIdentities,
  piiAccessLog,
  photos,
  photoUploads,
  mediaDeletions,
  identityVerifications,
  passes,
  notifications,
  notificationDeliveries,
  portoneWebhooks,
}
export type Schema = typeof schema
export type UserRow = typeof users.$inferSelect
export type ProfileRow = typeof profiles.$inferSelect
export type PreferencesRow = typeof preferences.$inferSelect
export type BatchRunRow = typeof batchRuns.$inferSelect
export type MatchRow = typeof matches.$inferSelect
export type PaymentRow = typeof payments.$inferSelect
export type PhotoRow = typeof photos.$inferSelect
export type PhotoUploadRow = typeof photoUploads.$inferSelect
export type NotificationRow = typeof notifications.$inferSelect
export type DeliveryRow = typeof notificationDeliveries.$inferSelect
