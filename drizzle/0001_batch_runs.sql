CREATE TABLE "batch_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"week" text NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"trigger" text NOT NULL,
	"requested_by" uuid,
	"users_total" integer,
	"users_processed" integer DEFAULT 0 NOT NULL,
	"recommendations_written" integer DEFAULT 0 NOT NULL,
	"duration_ms" integer,
	"error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	CONSTRAINT "batch_runs_status_check" CHECK ("batch_runs"."status" IN ('queued', 'running', 'succeeded', 'failed')),
	CONSTRAINT "batch_runs_trigger_check" CHECK ("batch_runs"."trigger" IN ('schedule', 'admin', 'cli'))
);
--> statement-breakpoint
ALTER TABLE "batch_runs" ADD CONSTRAINT "batch_runs_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "batch_runs_week_idx" ON "batch_runs" USING btree ("week","created_at");