-- Hand-written body (drizzle-kit's would have dropped the lists): the lists become one row per viewer
-- and week with the people recommended as an array of their new `users.seq`, best first, built from
-- the old pair rows in the order GET /recommendations showed them (score, then insertion). That row
-- is also the exposure record, so exposure_log goes: its rows were written in the same transaction
-- as the pairs and held the same pairs.
-- On bench data (`bench:recs --users 100000 --steady-state`: 12 weeks, 11,805,706 pair rows and
-- 1.2 million exposure rows, 2.7 GB) this took 180 s on the 2-core machine while others' work kept
-- its load average near 20, and wrote 1,193,893 list rows (255 MB). Pending migrations run in one
-- transaction, which holds `users` locked from the first statement on: requests wait that long, so
-- apply it out of hours (about half an hour at a million people, scaling from this figure).
ALTER TABLE "users" ADD COLUMN "seq" integer NOT NULL GENERATED ALWAYS AS IDENTITY (sequence name "users_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1);--> statement-breakpoint
CREATE UNIQUE INDEX "users_seq_uq" ON "users" USING btree ("seq");--> statement-breakpoint
CREATE TABLE "recommendation_lists" (
	"user_id" uuid NOT NULL,
	"batch_week" text NOT NULL,
	"targets" integer[] NOT NULL,
	"scores" smallint[] NOT NULL,
	"responded" bigint DEFAULT 0 NOT NULL,
	"sent_at" timestamp with time zone,
	CONSTRAINT "recommendation_lists_scores_check" CHECK (cardinality("recommendation_lists"."scores") = cardinality("recommendation_lists"."targets"))
);--> statement-breakpoint
INSERT INTO "recommendation_lists" ("user_id", "batch_week", "targets", "scores", "responded", "sent_at")
SELECT "user_id", "batch_week", array_agg("seq" ORDER BY "position"), array_agg("score" ORDER BY "position"),
       bit_or(CASE WHEN "responded" AND "position" <= 63 THEN 1::bigint << ("position" - 1)::int ELSE 0 END),
       min("sent_at")
FROM (
  SELECT r."user_id", r."batch_week", t."seq", round(r."score" * 1000)::smallint AS "score", r."responded", r."sent_at",
         row_number() OVER (PARTITION BY r."user_id", r."batch_week" ORDER BY r."score" DESC, r."id") AS "position"
  FROM "recommendations" r JOIN "users" t ON t."id" = r."target_user_id"
) x
GROUP BY "user_id", "batch_week"
ORDER BY "batch_week", "user_id";--> statement-breakpoint
ALTER TABLE "recommendation_lists" ADD CONSTRAINT "recommendation_lists_user_id_batch_week_pk" PRIMARY KEY("user_id","batch_week");--> statement-breakpoint
CREATE INDEX "recommendation_lists_week_brin" ON "recommendation_lists" USING brin ("batch_week");--> statement-breakpoint
DROP TABLE "exposure_log";--> statement-breakpoint
DROP TABLE "recommendations";
