ALTER TABLE "members" DROP CONSTRAINT "members_organization_user_key";--> statement-breakpoint
ALTER TABLE "members" DROP CONSTRAINT "members_seq_key";--> statement-breakpoint
ALTER TABLE "members" DROP CONSTRAINT "members_external_id_key";--> statement-breakpoint
DROP INDEX "members_user_idx";--> statement-breakpoint
CREATE UNIQUE INDEX "members_organization_user_key" ON "members" USING btree ("organization_id","user_id") WHERE "members"."user_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "members_external_id_key" ON "members" USING btree ("organization_id","external_id") WHERE "members"."external_id" is not null;--> statement-breakpoint
CREATE INDEX "members_user_idx" ON "members" USING btree ("user_id") WHERE "members"."user_id" is not null;