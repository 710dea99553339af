CREATE TYPE "public"."diary_invitation_response" AS ENUM('pending', 'accepted', 'declined');--> statement-breakpoint
ALTER TABLE "diary_entry_links" ADD COLUMN "response" "diary_invitation_response";--> statement-breakpoint
ALTER TABLE "diary_entry_links" ADD COLUMN "responded_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "diary_entry_links" ADD CONSTRAINT "diary_entry_links_response_check" CHECK ("diary_entry_links"."response" is null or "diary_entry_links"."member_id" is not null);--> statement-breakpoint
-- Members already linked to events of someone else's diary are invited to them, with no answer yet.
UPDATE "diary_entry_links" SET "response" = 'pending'
FROM "diary_entries"
WHERE "diary_entries"."organization_id" = "diary_entry_links"."organization_id"
  AND "diary_entries"."id" = "diary_entry_links"."entry_id"
  AND "diary_entries"."kind" = 'event'
  AND "diary_entry_links"."member_id" IS NOT NULL
  AND "diary_entry_links"."member_id" <> "diary_entries"."owner_id";
