-- photo.rejected (issue 17: the owner is told of a rejection) joins the feed's types. No rewrite: the
-- new check only reads the table once to validate it.
ALTER TABLE "notifications" DROP CONSTRAINT "notifications_type_check";--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_type_check" CHECK ("notifications"."type" IN ('recs.ready', 'like.received', 'match.created', 'payment.created', 'payment.verified', 'match.activated', 'match.closed', 'payment.refund_due', 'photo.rejected'));