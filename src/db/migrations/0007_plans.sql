CREATE TYPE "public"."plan_activity" AS ENUM('contacts_added', 'calls', 'invitations', 'presentations', 'two_plus_one', 'registrations', 'trainings_attended', 'evening_reviews', 'custom');--> statement-breakpoint
CREATE TYPE "public"."plan_level" AS ENUM('three_months', 'month', 'week', 'day');--> statement-breakpoint
CREATE TABLE "annual_goals" (
	"organization_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"year" smallint NOT NULL,
	"statement" text NOT NULL,
	"income" text,
	"reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "annual_goals_organization_id_member_id_year_pk" PRIMARY KEY("organization_id","member_id","year")
);
--> statement-breakpoint
CREATE TABLE "plan_items" (
	"organization_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"position" smallint NOT NULL,
	"activity" "plan_activity" NOT NULL,
	"target" integer,
	"title" text,
	"done_at" timestamp with time zone,
	CONSTRAINT "plan_items_organization_id_id_pk" PRIMARY KEY("organization_id","id"),
	CONSTRAINT "plan_items_kind_check" CHECK (("plan_items"."activity" = 'custom' and "plan_items"."title" is not null and "plan_items"."target" is null)
        or ("plan_items"."activity" <> 'custom' and "plan_items"."target" > 0 and "plan_items"."done_at" is null))
);
--> statement-breakpoint
CREATE TABLE "plans" (
	"organization_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"level" "plan_level" NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "plans_organization_id_id_pk" PRIMARY KEY("organization_id","id"),
	CONSTRAINT "plans_period_key" UNIQUE("organization_id","member_id","level","starts_on"),
	CONSTRAINT "plans_period_check" CHECK ("plans"."ends_on" >= "plans"."starts_on")
);
--> statement-breakpoint
ALTER TABLE "members" ADD COLUMN "time_zone" text;--> statement-breakpoint
ALTER TABLE "annual_goals" ADD CONSTRAINT "annual_goals_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "annual_goals" ADD CONSTRAINT "annual_goals_member_fk" FOREIGN KEY ("organization_id","member_id") REFERENCES "public"."members"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_items" ADD CONSTRAINT "plan_items_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_items" ADD CONSTRAINT "plan_items_plan_fk" FOREIGN KEY ("organization_id","plan_id") REFERENCES "public"."plans"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plans" ADD CONSTRAINT "plans_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plans" ADD CONSTRAINT "plans_member_fk" FOREIGN KEY ("organization_id","member_id") REFERENCES "public"."members"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "plan_items_plan_idx" ON "plan_items" USING btree ("organization_id","plan_id","position");