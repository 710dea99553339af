CREATE TYPE "public"."audit_action" AS ENUM('member.moved', 'members.imported');--> statement-breakpoint
CREATE TABLE "audit_events" (
	"organization_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"actor_member_id" uuid,
	"action" "audit_action" NOT NULL,
	"subject_id" uuid,
	"data" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "audit_events_organization_id_id_pk" PRIMARY KEY("organization_id","id")
);
--> statement-breakpoint
CREATE TABLE "invitations" (
	"organization_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"token" text NOT NULL,
	"sponsor_id" uuid NOT NULL,
	"kind" "member_kind" NOT NULL,
	"member_id" uuid,
	"name" text,
	"email" text,
	"max_uses" integer,
	"uses" integer DEFAULT 0 NOT NULL,
	"expires_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	"created_by_member_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "invitations_organization_id_id_pk" PRIMARY KEY("organization_id","id"),
	CONSTRAINT "invitations_token_key" UNIQUE("organization_id","token"),
	CONSTRAINT "invitations_max_uses_check" CHECK ("invitations"."max_uses" is null or "invitations"."max_uses" > 0)
);
--> statement-breakpoint
DROP INDEX "members_path_idx";--> statement-breakpoint
ALTER TABLE "members" ALTER COLUMN "path" SET DATA TYPE text COLLATE "C";--> statement-breakpoint
ALTER TABLE "members" ADD COLUMN "seq" bigint;--> statement-breakpoint
-- Before this migration only organization roots existed (path ''): each becomes member number 1.
UPDATE "members" SET "seq" = 1, "path" = '000001' WHERE "sponsor_id" IS NULL;--> statement-breakpoint
ALTER TABLE "members" ALTER COLUMN "seq" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "members" ADD COLUMN "external_id" text;--> statement-breakpoint
ALTER TABLE "members" ADD COLUMN "phone" text;--> statement-breakpoint
ALTER TABLE "members" ADD COLUMN "messengers" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "members" ADD COLUMN "city" text;--> statement-breakpoint
ALTER TABLE "members" ADD COLUMN "country" text;--> statement-breakpoint
ALTER TABLE "members" ADD COLUMN "locale" "locale";--> statement-breakpoint
ALTER TABLE "members" ADD COLUMN "notes" text;--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "member_seq" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
UPDATE "organizations" SET "member_seq" = (SELECT coalesce(max("seq"), 0) FROM "members" WHERE "members"."organization_id" = "organizations"."id");--> statement-breakpoint
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_sponsor_fk" FOREIGN KEY ("organization_id","sponsor_id") REFERENCES "public"."members"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_member_fk" FOREIGN KEY ("organization_id","member_id") REFERENCES "public"."members"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_events_subject_idx" ON "audit_events" USING btree ("organization_id","subject_id");--> statement-breakpoint
CREATE INDEX "invitations_sponsor_idx" ON "invitations" USING btree ("organization_id","sponsor_id");--> statement-breakpoint
CREATE INDEX "members_sponsor_idx" ON "members" USING btree ("organization_id","sponsor_id");--> statement-breakpoint
ALTER TABLE "members" ADD CONSTRAINT "members_seq_key" UNIQUE("organization_id","seq");--> statement-breakpoint
ALTER TABLE "members" ADD CONSTRAINT "members_external_id_key" UNIQUE("organization_id","external_id");--> statement-breakpoint
ALTER TABLE "members" ADD CONSTRAINT "members_path_key" UNIQUE("organization_id","path");