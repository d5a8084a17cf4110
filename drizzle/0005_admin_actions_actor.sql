ALTER TABLE "admin_actions" ALTER COLUMN "admin_id" DROP NOT NULL;--> statement-breakpoint
-- Hand edit (backfill): every row so far was written by an operator. The default only fills the
-- existing rows and is dropped at once, so every writer names its actor.
ALTER TABLE "admin_actions" ADD COLUMN "actor" text DEFAULT 'admin' NOT NULL;--> statement-breakpoint
ALTER TABLE "admin_actions" ALTER COLUMN "actor" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "admin_actions" ADD CONSTRAINT "admin_actions_actor_check" CHECK ("admin_actions"."actor" = 'admin' OR "admin_actions"."actor" ~ '^system:[a-z][a-z0-9_-]*$');--> statement-breakpoint
ALTER TABLE "admin_actions" ADD CONSTRAINT "admin_actions_admin_id_check" CHECK (("admin_actions"."actor" = 'admin') = ("admin_actions"."admin_id" IS NOT NULL));
