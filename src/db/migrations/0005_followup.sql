CREATE TYPE "public"."followup_step_condition" AS ENUM('manual', 'intake_answered', 'contacts_both_lists', 'diary_started', 'business_card', 'presentation_written', 'two_plus_one');--> statement-breakpoint
CREATE TYPE "public"."touchpoint_kind" AS ENUM('call', 'message', 'meeting');--> statement-breakpoint
CREATE TABLE "business_cards" (
	"organization_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"headline" text,
	"show_phone" boolean DEFAULT true NOT NULL,
	"show_email" boolean DEFAULT true NOT NULL,
	"show_messengers" boolean DEFAULT true NOT NULL,
	"kind" "member_kind" DEFAULT 'partner' NOT NULL,
	"invitation_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "business_cards_organization_id_member_id_pk" PRIMARY KEY("organization_id","member_id")
);
--> statement-breakpoint
CREATE TABLE "followup_steps" (
	"organization_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"key" text NOT NULL,
	"position" integer NOT NULL,
	"title" jsonb NOT NULL,
	"member_title" jsonb NOT NULL,
	"due_on" date NOT NULL,
	"condition" "followup_step_condition" NOT NULL,
	"done_at" timestamp with time zone,
	"done_by_id" uuid,
	CONSTRAINT "followup_steps_organization_id_member_id_key_pk" PRIMARY KEY("organization_id","member_id","key")
);
--> statement-breakpoint
CREATE TABLE "followups" (
	"organization_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"opened_on" date NOT NULL,
	"questions" jsonb NOT NULL,
	"intake" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"intake_updated_at" timestamp with time zone,
	"intake_updated_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "followups_organization_id_member_id_pk" PRIMARY KEY("organization_id","member_id")
);
--> statement-breakpoint
CREATE TABLE "onboarding_templates" (
	"organization_id" uuid PRIMARY KEY NOT NULL,
	"template" jsonb NOT NULL,
	"updated_by_member_id" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "presentations" (
	"organization_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"text" text DEFAULT '' NOT NULL,
	"practice_count" integer DEFAULT 0 NOT NULL,
	"last_practised_at" timestamp with time zone,
	"last_seconds" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "presentations_organization_id_member_id_pk" PRIMARY KEY("organization_id","member_id"),
	CONSTRAINT "presentations_practice_check" CHECK ("presentations"."practice_count" >= 0)
);
--> statement-breakpoint
CREATE TABLE "touchpoints" (
	"organization_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"by_member_id" uuid NOT NULL,
	"kind" "touchpoint_kind" NOT NULL,
	"on" date NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "touchpoints_organization_id_id_pk" PRIMARY KEY("organization_id","id")
);
--> statement-breakpoint
ALTER TABLE "business_cards" ADD CONSTRAINT "business_cards_member_fk" FOREIGN KEY ("organization_id","member_id") REFERENCES "public"."members"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "followup_steps" ADD CONSTRAINT "followup_steps_followup_fk" FOREIGN KEY ("organization_id","member_id") REFERENCES "public"."followups"("organization_id","member_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "followups" ADD CONSTRAINT "followups_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "followups" ADD CONSTRAINT "followups_member_fk" FOREIGN KEY ("organization_id","member_id") REFERENCES "public"."members"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "onboarding_templates" ADD CONSTRAINT "onboarding_templates_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "presentations" ADD CONSTRAINT "presentations_member_fk" FOREIGN KEY ("organization_id","member_id") REFERENCES "public"."members"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "touchpoints" ADD CONSTRAINT "touchpoints_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "touchpoints" ADD CONSTRAINT "touchpoints_member_fk" FOREIGN KEY ("organization_id","member_id") REFERENCES "public"."members"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "touchpoints" ADD CONSTRAINT "touchpoints_by_member_fk" FOREIGN KEY ("organization_id","by_member_id") REFERENCES "public"."members"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "followups_opened_idx" ON "followups" USING btree ("organization_id","opened_on");--> statement-breakpoint
CREATE INDEX "touchpoints_member_idx" ON "touchpoints" USING btree ("organization_id","member_id","on");