ALTER TABLE "contacts" ADD COLUMN "invited_on" date;--> statement-breakpoint
-- Contacts already invited through their log keep the day of their latest invitation.
UPDATE "contacts" c SET "invited_on" = i."day"
  FROM (SELECT "organization_id", "contact_id", max("occurred_on") AS "day" FROM "contact_interactions"
        WHERE "stage" = 'invited' GROUP BY "organization_id", "contact_id") i
  WHERE c."organization_id" = i."organization_id" AND c."id" = i."contact_id";
