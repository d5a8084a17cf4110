CREATE TABLE "admin_actions" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"admin_id" uuid NOT NULL,
	"action" text NOT NULL,
	"target_id" text,
	"detail" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "blocks" (
	"blocker_id" uuid NOT NULL,
	"blocked_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "blocks_blocker_id_blocked_id_pk" PRIMARY KEY("blocker_id","blocked_id"),
	CONSTRAINT "blocks_not_self" CHECK ("blocks"."blocker_id" <> "blocks"."blocked_id")
);
--> statement-breakpoint
CREATE TABLE "exposure_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"target_user_id" uuid NOT NULL,
	"reason" text,
	"week" text NOT NULL,
	"seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "exposure_log_not_self" CHECK ("exposure_log"."user_id" <> "exposure_log"."target_user_id")
);
--> statement-breakpoint
CREATE TABLE "kakao_id_token_uses" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "likes" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"from_user" uuid NOT NULL,
	"to_user" uuid NOT NULL,
	"batch_week" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "likes_not_self" CHECK ("likes"."from_user" <> "likes"."to_user")
);
--> statement-breakpoint
CREATE TABLE "matches" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_a" uuid NOT NULL,
	"user_b" uuid NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"activated_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	CONSTRAINT "matches_status_check" CHECK ("matches"."status" IN ('pending', 'active', 'closed')),
	CONSTRAINT "matches_not_self" CHECK ("matches"."user_a" <> "matches"."user_b")
);
--> statement-breakpoint
CREATE TABLE "payments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"match_id" uuid NOT NULL,
	"method" text DEFAULT 'transfer' NOT NULL,
	"amount" integer NOT NULL,
	"code" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"depositor_name" text,
	"verified_at" timestamp with time zone,
	"memo" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"refunded_at" timestamp with time zone,
	CONSTRAINT "payments_method_check" CHECK ("payments"."method" IN ('transfer')),
	CONSTRAINT "payments_status_check" CHECK ("payments"."status" IN ('pending', 'verified', 'expired', 'refund_due', 'refunded')),
	CONSTRAINT "payments_amount_check" CHECK ("payments"."amount" > 0)
);
--> statement-breakpoint
CREATE TABLE "preferences" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"target_gender" char(1) NOT NULL,
	"age_min" integer NOT NULL,
	"age_max" integer NOT NULL,
	"regions" text[] DEFAULT '{}'::text[] NOT NULL,
	"keywords" text[] DEFAULT '{}'::text[] NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "preferences_target_gender_check" CHECK ("preferences"."target_gender" IN ('M', 'F')),
	CONSTRAINT "preferences_age_range_check" CHECK ("preferences"."age_min" >= 19 AND "preferences"."age_min" <= "preferences"."age_max" AND "preferences"."age_max" <= 100)
);
--> statement-breakpoint
CREATE TABLE "profiles" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"nickname" text NOT NULL,
	"gender" char(1) NOT NULL,
	"birth_year" integer NOT NULL,
	"height" integer,
	"region" text,
	"job" text,
	"intro" text,
	"photos" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"visible" jsonb DEFAULT '{"age":true,"height":false,"region":true,"job":true,"intro":true}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "profiles_gender_check" CHECK ("profiles"."gender" IN ('M', 'F')),
	CONSTRAINT "profiles_height_check" CHECK ("profiles"."height" IS NULL OR "profiles"."height" BETWEEN 100 AND 250)
);
--> statement-breakpoint
CREATE TABLE "recommendations" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"target_user_id" uuid NOT NULL,
	"batch_week" text NOT NULL,
	"score" numeric(6, 3) DEFAULT '0' NOT NULL,
	"sent_at" timestamp with time zone,
	"responded" boolean DEFAULT false NOT NULL,
	CONSTRAINT "recommendations_not_self" CHECK ("recommendations"."user_id" <> "recommendations"."target_user_id")
);
--> statement-breakpoint
CREATE TABLE "reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"reporter" uuid NOT NULL,
	"reported" uuid NOT NULL,
	"reason" text NOT NULL,
	"detail" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"handled" boolean DEFAULT false NOT NULL,
	"handled_at" timestamp with time zone,
	"handled_by" uuid,
	CONSTRAINT "reports_reason_check" CHECK ("reports"."reason" IN ('spam', 'fake_profile', 'harassment', 'inappropriate_content', 'underage', 'scam', 'other')),
	CONSTRAINT "reports_not_self" CHECK ("reports"."reporter" <> "reports"."reported")
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kakao_user_id" text NOT NULL,
	"phone_verified" boolean DEFAULT false NOT NULL,
	"role" text DEFAULT 'user' NOT NULL,
	"banned" boolean DEFAULT false NOT NULL,
	"token_version" integer DEFAULT 0 NOT NULL,
	"last_active_at" timestamp with time zone,
	"deleted_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_kakao_user_id_unique" UNIQUE("kakao_user_id"),
	CONSTRAINT "users_role_check" CHECK ("users"."role" IN ('user', 'admin'))
);
--> statement-breakpoint
ALTER TABLE "admin_actions" ADD CONSTRAINT "admin_actions_admin_id_users_id_fk" FOREIGN KEY ("admin_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "blocks" ADD CONSTRAINT "blocks_blocker_id_users_id_fk" FOREIGN KEY ("blocker_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "blocks" ADD CONSTRAINT "blocks_blocked_id_users_id_fk" FOREIGN KEY ("blocked_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exposure_log" ADD CONSTRAINT "exposure_log_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exposure_log" ADD CONSTRAINT "exposure_log_target_user_id_users_id_fk" FOREIGN KEY ("target_user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "likes" ADD CONSTRAINT "likes_from_user_users_id_fk" FOREIGN KEY ("from_user") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "likes" ADD CONSTRAINT "likes_to_user_users_id_fk" FOREIGN KEY ("to_user") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "matches" ADD CONSTRAINT "matches_user_a_users_id_fk" FOREIGN KEY ("user_a") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "matches" ADD CONSTRAINT "matches_user_b_users_id_fk" FOREIGN KEY ("user_b") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_match_id_matches_id_fk" FOREIGN KEY ("match_id") REFERENCES "public"."matches"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "preferences" ADD CONSTRAINT "preferences_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "profiles" ADD CONSTRAINT "profiles_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recommendations" ADD CONSTRAINT "recommendations_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recommendations" ADD CONSTRAINT "recommendations_target_user_id_users_id_fk" FOREIGN KEY ("target_user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_reporter_users_id_fk" FOREIGN KEY ("reporter") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_reported_users_id_fk" FOREIGN KEY ("reported") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_handled_by_users_id_fk" FOREIGN KEY ("handled_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "admin_actions_created_idx" ON "admin_actions" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "blocks_blocked_idx" ON "blocks" USING btree ("blocked_id");--> statement-breakpoint
CREATE UNIQUE INDEX "exposure_log_user_target_week_uq" ON "exposure_log" USING btree ("user_id","target_user_id","week");--> statement-breakpoint
CREATE INDEX "idx_exposure_user" ON "exposure_log" USING btree ("user_id","seen_at");--> statement-breakpoint
CREATE INDEX "exposure_log_seen_at_idx" ON "exposure_log" USING btree ("seen_at");--> statement-breakpoint
CREATE INDEX "kakao_id_token_uses_expires_idx" ON "kakao_id_token_uses" USING btree ("expires_at");--> statement-breakpoint
CREATE UNIQUE INDEX "likes_from_to_week_uq" ON "likes" USING btree ("from_user","to_user","batch_week");--> statement-breakpoint
CREATE INDEX "likes_to_from_idx" ON "likes" USING btree ("to_user","from_user");--> statement-breakpoint
CREATE UNIQUE INDEX "matches_pair_uq" ON "matches" USING btree (LEAST("user_a", "user_b"),GREATEST("user_a", "user_b"));--> statement-breakpoint
CREATE INDEX "matches_user_a_idx" ON "matches" USING btree ("user_a");--> statement-breakpoint
CREATE INDEX "matches_user_b_idx" ON "matches" USING btree ("user_b");--> statement-breakpoint
CREATE UNIQUE INDEX "payments_live_match_uq" ON "payments" USING btree ("match_id") WHERE "payments"."status" IN ('pending', 'verified');--> statement-breakpoint
CREATE UNIQUE INDEX "payments_live_code_uq" ON "payments" USING btree ("code") WHERE "payments"."status" IN ('pending', 'verified');--> statement-breakpoint
CREATE INDEX "payments_status_idx" ON "payments" USING btree ("status","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "recommendations_user_target_week_uq" ON "recommendations" USING btree ("user_id","target_user_id","batch_week");--> statement-breakpoint
CREATE INDEX "idx_recs_user_week" ON "recommendations" USING btree ("user_id","batch_week");--> statement-breakpoint
CREATE INDEX "recommendations_target_idx" ON "recommendations" USING btree ("target_user_id","batch_week");--> statement-breakpoint
CREATE UNIQUE INDEX "reports_open_pair_uq" ON "reports" USING btree ("reporter","reported") WHERE NOT "reports"."handled";--> statement-breakpoint
CREATE INDEX "reports_handled_idx" ON "reports" USING btree ("handled","created_at");--> statement-breakpoint
CREATE INDEX "users_last_active_idx" ON "users" USING btree ("last_active_at");