-- Hand-written body (drizzle-kit's ALTERs would have dropped the pairs): exposure_log becomes one row
-- per viewer, week and reason with the people shown as an array, built from the old pair rows.
-- On bench-sized data (100,000 viewers, 12 weeks, 12 million pair rows, 2.6 GB) this took 24.5 s on
-- the 2-core machine and left 1.2 million rows in 378 MB.
CREATE TABLE "exposure_log_compact" (
	"user_id" uuid NOT NULL,
	"week" text NOT NULL,
	"reason" text DEFAULT 'weekly_rec' NOT NULL,
	"targets" uuid[] NOT NULL,
	"seen_at" timestamp with time zone DEFAULT now() NOT NULL
);--> statement-breakpoint
INSERT INTO "exposure_log_compact" ("user_id", "week", "reason", "targets", "seen_at")
SELECT "user_id", "week", coalesce("reason", 'weekly_rec'), array_agg("target_user_id" ORDER BY "id"), min("seen_at")
FROM "exposure_log"
GROUP BY "user_id", "week", coalesce("reason", 'weekly_rec');--> statement-breakpoint
DROP TABLE "exposure_log";--> statement-breakpoint
ALTER TABLE "exposure_log_compact" RENAME TO "exposure_log";--> statement-breakpoint
ALTER TABLE "exposure_log" ADD CONSTRAINT "exposure_log_user_id_week_reason_pk" PRIMARY KEY("user_id","week","reason");--> statement-breakpoint
CREATE INDEX "exposure_log_week_idx" ON "exposure_log" USING btree ("week");--> statement-breakpoint
ALTER TABLE "batch_runs" ADD COLUMN "slices_total" integer;--> statement-breakpoint
ALTER TABLE "batch_runs" ADD COLUMN "slices_done" integer[] DEFAULT '{}'::integer[] NOT NULL;
