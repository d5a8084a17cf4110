ALTER TABLE "exposure_log" DROP CONSTRAINT "exposure_log_user_id_users_id_fk";
--> statement-breakpoint
ALTER TABLE "exposure_log" DROP CONSTRAINT "exposure_log_target_user_id_users_id_fk";
--> statement-breakpoint
ALTER TABLE "recommendations" DROP CONSTRAINT "recommendations_user_id_users_id_fk";
--> statement-breakpoint
ALTER TABLE "recommendations" DROP CONSTRAINT "recommendations_target_user_id_users_id_fk";
--> statement-breakpoint
DROP INDEX "idx_exposure_user";--> statement-breakpoint
DROP INDEX "exposure_log_seen_at_idx";--> statement-breakpoint
DROP INDEX "recommendations_user_target_week_uq";--> statement-breakpoint
DROP INDEX "idx_recs_user_week";--> statement-breakpoint
DROP INDEX "recommendations_target_idx";--> statement-breakpoint
CREATE INDEX "exposure_log_week_idx" ON "exposure_log" USING btree ("week");--> statement-breakpoint
CREATE UNIQUE INDEX "recommendations_user_week_target_uq" ON "recommendations" USING btree ("user_id","batch_week","target_user_id");