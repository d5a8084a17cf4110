CREATE TABLE "portone_webhooks" (
	"webhook_id" text PRIMARY KEY NOT NULL,
	"type" text NOT NULL,
	"payment_id" text,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "payments" DROP CONSTRAINT "payments_method_check";--> statement-breakpoint
ALTER TABLE "payments" DROP CONSTRAINT "payments_status_check";--> statement-breakpoint
DROP INDEX "payments_live_match_uq";--> statement-breakpoint
DROP INDEX "payments_live_code_uq";--> statement-breakpoint
ALTER TABLE "payments" ALTER COLUMN "code" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "payments" ADD COLUMN "requested_by" uuid;--> statement-breakpoint
ALTER TABLE "payments" ADD COLUMN "va_bank" text;--> statement-breakpoint
ALTER TABLE "payments" ADD COLUMN "va_account_number" text;--> statement-breakpoint
ALTER TABLE "payments" ADD COLUMN "va_holder" text;--> statement-breakpoint
ALTER TABLE "payments" ADD COLUMN "va_expires_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "payments" ADD COLUMN "paid_amount" integer;--> statement-breakpoint
ALTER TABLE "payments" ADD COLUMN "paid_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "payments" ADD COLUMN "refund_account_encrypted" text;--> statement-breakpoint
ALTER TABLE "payments" ADD COLUMN "refund_requested_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "payments" ADD COLUMN "refund_error" text;--> statement-breakpoint
CREATE INDEX "portone_webhooks_received_idx" ON "portone_webhooks" USING btree ("received_at");--> statement-breakpoint
CREATE INDEX "payments_va_unpaid_idx" ON "payments" USING btree ("created_at") WHERE "payments"."method" = 'virtual_account' AND "payments"."paid_at" IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "payments_live_match_uq" ON "payments" USING btree ("match_id") WHERE "payments"."status" IN ('pending', 'verified', 'amount_mismatch');--> statement-breakpoint
CREATE UNIQUE INDEX "payments_live_code_uq" ON "payments" USING btree ("code") WHERE "payments"."status" IN ('pending', 'verified', 'amount_mismatch');--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_code_check" CHECK (("payments"."method" = 'transfer') = ("payments"."code" IS NOT NULL));--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_virtual_account_check" CHECK (("payments"."method" = 'virtual_account') = ("payments"."va_account_number" IS NOT NULL AND "payments"."va_bank" IS NOT NULL AND "payments"."va_holder" IS NOT NULL AND "payments"."va_expires_at" IS NOT NULL));--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_method_check" CHECK ("payments"."method" IN ('transfer', 'virtual_account'));--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_status_check" CHECK ("payments"."status" IN ('pending', 'verified', 'amount_mismatch', 'expired', 'refund_due', 'refunded'));