-- Composite foreign keys that set null name their own column only (PostgreSQL 15+): the organization stays.
CREATE TYPE "public"."contact_list" AS ENUM('own', 'other');--> statement-breakpoint
CREATE TYPE "public"."contact_relationship" AS ENUM('family', 'friend', 'acquaintance', 'colleague', 'other');--> statement-breakpoint
CREATE TYPE "public"."contact_stage" AS ENUM('new', 'contacted', 'invited', 'presented', 'follow_up', 'joined_customer', 'joined_partner', 'not_now');--> statement-breakpoint
CREATE TYPE "public"."interaction_kind" AS ENUM('call', 'message', 'meeting', 'two_plus_one', 'online_presentation');--> statement-breakpoint
CREATE TYPE "public"."interaction_outcome" AS ENUM('reached', 'no_answer', 'interested', 'not_interested', 'meeting_agreed');--> statement-breakpoint
CREATE TABLE "contact_interactions" (
	"organization_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"contact_id" uuid NOT NULL,
	"kind" "interaction_kind" NOT NULL,
	"occurred_on" date NOT NULL,
	"outcome" "interaction_outcome",
	"note" text,
	"stage" "contact_stage",
	"next_follow_up_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "contact_interactions_organization_id_id_pk" PRIMARY KEY("organization_id","id")
);
--> statement-breakpoint
CREATE TABLE "contacts" (
	"organization_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"owner_id" uuid NOT NULL,
	"name" text NOT NULL,
	"name_key" text NOT NULL,
	"phone" text,
	"phone_key" text,
	"email" text,
	"messengers" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"city" text,
	"city_key" text DEFAULT '' NOT NULL,
	"list_override" "contact_list",
	"relationship" "contact_relationship",
	"source" text,
	"interests" text,
	"needs" text,
	"notes" text,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"stage" "contact_stage" DEFAULT 'new' NOT NULL,
	"next_follow_up_on" date,
	"last_contact_on" date,
	"search_text" text NOT NULL,
	"shared_at" timestamp with time zone,
	"shared_with_id" uuid,
	"invitation_id" uuid,
	"member_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "contacts_organization_id_id_pk" PRIMARY KEY("organization_id","id"),
	CONSTRAINT "contacts_name_check" CHECK (length(trim("contacts"."name")) > 0)
);
--> statement-breakpoint
ALTER TABLE "contact_interactions" ADD CONSTRAINT "contact_interactions_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_interactions" ADD CONSTRAINT "contact_interactions_contact_fk" FOREIGN KEY ("organization_id","contact_id") REFERENCES "public"."contacts"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contacts" ADD CONSTRAINT "contacts_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contacts" ADD CONSTRAINT "contacts_owner_fk" FOREIGN KEY ("organization_id","owner_id") REFERENCES "public"."members"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contacts" ADD CONSTRAINT "contacts_invitation_fk" FOREIGN KEY ("organization_id","invitation_id") REFERENCES "public"."invitations"("organization_id","id") ON DELETE set null ("invitation_id") ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contacts" ADD CONSTRAINT "contacts_shared_with_fk" FOREIGN KEY ("organization_id","shared_with_id") REFERENCES "public"."members"("organization_id","id") ON DELETE set null ("shared_with_id") ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contacts" ADD CONSTRAINT "contacts_member_fk" FOREIGN KEY ("organization_id","member_id") REFERENCES "public"."members"("organization_id","id") ON DELETE set null ("member_id") ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "contact_interactions_contact_idx" ON "contact_interactions" USING btree ("organization_id","contact_id","occurred_on");--> statement-breakpoint
CREATE INDEX "contacts_owner_idx" ON "contacts" USING btree ("organization_id","owner_id","name_key");--> statement-breakpoint
CREATE INDEX "contacts_shared_idx" ON "contacts" USING btree ("organization_id","shared_with_id") WHERE "contacts"."shared_with_id" is not null;--> statement-breakpoint
CREATE INDEX "contacts_follow_up_idx" ON "contacts" USING btree ("organization_id","owner_id","next_follow_up_on") WHERE "contacts"."next_follow_up_on" is not null;--> statement-breakpoint
CREATE INDEX "contacts_invitation_idx" ON "contacts" USING btree ("organization_id","invitation_id") WHERE "contacts"."invitation_id" is not null;