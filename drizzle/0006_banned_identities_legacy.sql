ALTER TABLE "banned_identities" ADD COLUMN "legacy" boolean DEFAULT false NOT NULL;--> statement-breakpoint
-- Hand edit (backfill): every hash stored so far was keyed from a DATA_ENCRYPTION_KEY.
UPDATE "banned_identities" SET "legacy" = true;
