-- The link to a contact interaction sets only its own column null (PostgreSQL 15+): the organization stays.
CREATE TYPE "public"."diary_entry_kind" AS ENUM('event', 'task', 'note');--> statement-breakpoint
CREATE TYPE "public"."diary_event_type" AS ENUM('meeting', 'two_plus_one', 'presentation', 'training', 'call', 'other');--> statement-breakpoint
CREATE TYPE "public"."diary_task_category" AS ENUM('urgent', 'important', 'necessary');--> statement-breakpoint
CREATE TYPE "public"."diary_task_state" AS ENUM('open', 'done', 'moved', 'dropped');--> statement-breakpoint
CREATE TABLE "calendar_feeds" (
	"organization_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"owner_id" uuid NOT NULL,
	"token" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "calendar_feeds_organization_id_id_pk" PRIMARY KEY("organization_id","id"),
	CONSTRAINT "calendar_feeds_token_key" UNIQUE("organization_id","token")
);
--> statement-breakpoint
CREATE TABLE "diary_entries" (
	"organization_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"owner_id" uuid NOT NULL,
	"kind" "diary_entry_kind" NOT NULL,
	"day" date NOT NULL,
	"title" text NOT NULL,
	"details" text,
	"event_type" "diary_event_type",
	"starts_at" timestamp with time zone,
	"ends_at" timestamp with time zone,
	"place" text,
	"link" text,
	"category" "diary_task_category",
	"state" "diary_task_state",
	"moved_to_id" uuid,
	"parts" jsonb,
	"call_back_on" date,
	"sequence" integer DEFAULT 0 NOT NULL,
	"cancelled_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "diary_entries_organization_id_id_pk" PRIMARY KEY("organization_id","id"),
	CONSTRAINT "diary_entries_kind_check" CHECK (("diary_entries"."kind" = 'event' and "diary_entries"."event_type" is not null and "diary_entries"."starts_at" is not null)
        or ("diary_entries"."kind" = 'task' and "diary_entries"."category" is not null and "diary_entries"."state" is not null)
        or ("diary_entries"."kind" = 'note')),
	CONSTRAINT "diary_entries_ends_check" CHECK ("diary_entries"."ends_at" is null or "diary_entries"."ends_at" >= "diary_entries"."starts_at")
);
--> statement-breakpoint
CREATE TABLE "diary_entry_links" (
	"organization_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"entry_id" uuid NOT NULL,
	"contact_id" uuid,
	"member_id" uuid,
	"interaction_id" uuid,
	CONSTRAINT "diary_entry_links_organization_id_id_pk" PRIMARY KEY("organization_id","id"),
	CONSTRAINT "diary_entry_links_one_check" CHECK (num_nonnulls("diary_entry_links"."contact_id", "diary_entry_links"."member_id") = 1)
);
--> statement-breakpoint
CREATE TABLE "diary_reviews" (
	"organization_id" uuid NOT NULL,
	"owner_id" uuid NOT NULL,
	"day" date NOT NULL,
	"summary" text,
	"completed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "diary_reviews_organization_id_owner_id_day_pk" PRIMARY KEY("organization_id","owner_id","day")
);
--> statement-breakpoint
ALTER TABLE "calendar_feeds" ADD CONSTRAINT "calendar_feeds_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_feeds" ADD CONSTRAINT "calendar_feeds_owner_fk" FOREIGN KEY ("organization_id","owner_id") REFERENCES "public"."members"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "diary_entries" ADD CONSTRAINT "diary_entries_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "diary_entries" ADD CONSTRAINT "diary_entries_owner_fk" FOREIGN KEY ("organization_id","owner_id") REFERENCES "public"."members"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "diary_entry_links" ADD CONSTRAINT "diary_entry_links_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "diary_entry_links" ADD CONSTRAINT "diary_entry_links_entry_fk" FOREIGN KEY ("organization_id","entry_id") REFERENCES "public"."diary_entries"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "diary_entry_links" ADD CONSTRAINT "diary_entry_links_contact_fk" FOREIGN KEY ("organization_id","contact_id") REFERENCES "public"."contacts"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "diary_entry_links" ADD CONSTRAINT "diary_entry_links_member_fk" FOREIGN KEY ("organization_id","member_id") REFERENCES "public"."members"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "diary_entry_links" ADD CONSTRAINT "diary_entry_links_interaction_fk" FOREIGN KEY ("organization_id","interaction_id") REFERENCES "public"."contact_interactions"("organization_id","id") ON DELETE set null ("interaction_id") ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "diary_reviews" ADD CONSTRAINT "diary_reviews_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "diary_reviews" ADD CONSTRAINT "diary_reviews_owner_fk" FOREIGN KEY ("organization_id","owner_id") REFERENCES "public"."members"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "calendar_feeds_owner_idx" ON "calendar_feeds" USING btree ("organization_id","owner_id");--> statement-breakpoint
CREATE INDEX "diary_entries_day_idx" ON "diary_entries" USING btree ("organization_id","owner_id","day");--> statement-breakpoint
CREATE INDEX "diary_entries_starts_idx" ON "diary_entries" USING btree ("organization_id","owner_id","starts_at") WHERE "diary_entries"."starts_at" is not null;--> statement-breakpoint
CREATE INDEX "diary_entry_links_entry_idx" ON "diary_entry_links" USING btree ("organization_id","entry_id");--> statement-breakpoint
CREATE INDEX "diary_entry_links_contact_idx" ON "diary_entry_links" USING btree ("organization_id","contact_id") WHERE "diary_entry_links"."contact_id" is not null;--> statement-breakpoint
CREATE INDEX "diary_entry_links_member_idx" ON "diary_entry_links" USING btree ("organization_id","member_id") WHERE "diary_entry_links"."member_id" is not null;--> statement-breakpoint
CREATE INDEX "diary_entry_links_interaction_idx" ON "diary_entry_links" USING btree ("organization_id","interaction_id") WHERE "diary_entry_links"."interaction_id" is not null;