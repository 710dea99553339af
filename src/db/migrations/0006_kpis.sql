CREATE TYPE "public"."kpi_grain" AS ENUM('month', 'week');--> statement-breakpoint
CREATE TYPE "public"."order_buyer" AS ENUM('self', 'member', 'contact', 'other');--> statement-breakpoint
CREATE TYPE "public"."training_format" AS ENUM('offline', 'online');--> statement-breakpoint
ALTER TYPE "public"."audit_action" ADD VALUE 'orders.imported';--> statement-breakpoint
CREATE TABLE "member_rollups" (
	"organization_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"grain" "kpi_grain" NOT NULL,
	"period" date NOT NULL,
	"points" bigint DEFAULT 0 NOT NULL,
	"joined" smallint DEFAULT 0 NOT NULL,
	"trained_offline" smallint DEFAULT 0 NOT NULL,
	"trained_online" smallint DEFAULT 0 NOT NULL,
	"trained" smallint DEFAULT 0 NOT NULL,
	"structure_points" bigint DEFAULT 0 NOT NULL,
	"structure_joined" integer DEFAULT 0 NOT NULL,
	"frontline_joined" integer DEFAULT 0 NOT NULL,
	"structure_trained_offline" integer DEFAULT 0 NOT NULL,
	"structure_trained_online" integer DEFAULT 0 NOT NULL,
	"structure_trained" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "member_rollups_organization_id_grain_period_member_id_pk" PRIMARY KEY("organization_id","grain","period","member_id")
);
--> statement-breakpoint
CREATE TABLE "orders" (
	"organization_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"ordered_on" date NOT NULL,
	"points" bigint NOT NULL,
	"amount" bigint NOT NULL,
	"currency" text NOT NULL,
	"buyer" "order_buyer" DEFAULT 'self' NOT NULL,
	"buyer_member_id" uuid,
	"buyer_contact_id" uuid,
	"buyer_name" text,
	"product_id" uuid,
	"product" text NOT NULL,
	"quantity" integer DEFAULT 1 NOT NULL,
	"external_id" text,
	"reverses_id" uuid,
	"note" text,
	"created_by_member_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "orders_organization_id_id_pk" PRIMARY KEY("organization_id","id"),
	CONSTRAINT "orders_quantity_check" CHECK ("orders"."quantity" <> 0)
);
--> statement-breakpoint
CREATE TABLE "products" (
	"organization_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"sku" text,
	"name" text NOT NULL,
	"points" bigint NOT NULL,
	"price" bigint,
	"currency" text,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "products_organization_id_id_pk" PRIMARY KEY("organization_id","id")
);
--> statement-breakpoint
CREATE TABLE "training_registrations" (
	"organization_id" uuid NOT NULL,
	"training_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"registered_at" timestamp with time zone DEFAULT now() NOT NULL,
	"attended_at" timestamp with time zone,
	"recorded_by_member_id" uuid,
	CONSTRAINT "training_registrations_organization_id_training_id_member_id_pk" PRIMARY KEY("organization_id","training_id","member_id")
);
--> statement-breakpoint
CREATE TABLE "trainings" (
	"organization_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"topic" text NOT NULL,
	"format" "training_format" NOT NULL,
	"held_on" date NOT NULL,
	"starts_at" time,
	"place" text,
	"link" text,
	"description" text,
	"organizer_id" uuid NOT NULL,
	"cancelled_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "trainings_organization_id_id_pk" PRIMARY KEY("organization_id","id")
);
--> statement-breakpoint
CREATE TABLE "weekly_reviews" (
	"organization_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"week" date NOT NULL,
	"corrections" text NOT NULL,
	"numbers" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "weekly_reviews_organization_id_member_id_week_pk" PRIMARY KEY("organization_id","member_id","week")
);
--> statement-breakpoint
ALTER TABLE "members" ADD COLUMN "review_weekday" smallint;--> statement-breakpoint
ALTER TABLE "members" ADD COLUMN "development_interest_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "review_weekday" smallint DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_member_fk" FOREIGN KEY ("organization_id","member_id") REFERENCES "public"."members"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_buyer_member_fk" FOREIGN KEY ("organization_id","buyer_member_id") REFERENCES "public"."members"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_buyer_contact_fk" FOREIGN KEY ("organization_id","buyer_contact_id") REFERENCES "public"."contacts"("organization_id","id") ON DELETE set null ("buyer_contact_id") ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_product_fk" FOREIGN KEY ("organization_id","product_id") REFERENCES "public"."products"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_reverses_fk" FOREIGN KEY ("organization_id","reverses_id") REFERENCES "public"."orders"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "products" ADD CONSTRAINT "products_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_registrations" ADD CONSTRAINT "training_registrations_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_registrations" ADD CONSTRAINT "training_registrations_training_fk" FOREIGN KEY ("organization_id","training_id") REFERENCES "public"."trainings"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_registrations" ADD CONSTRAINT "training_registrations_member_fk" FOREIGN KEY ("organization_id","member_id") REFERENCES "public"."members"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trainings" ADD CONSTRAINT "trainings_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trainings" ADD CONSTRAINT "trainings_organizer_fk" FOREIGN KEY ("organization_id","organizer_id") REFERENCES "public"."members"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "weekly_reviews" ADD CONSTRAINT "weekly_reviews_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "weekly_reviews" ADD CONSTRAINT "weekly_reviews_member_fk" FOREIGN KEY ("organization_id","member_id") REFERENCES "public"."members"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "orders_member_idx" ON "orders" USING btree ("organization_id","member_id","ordered_on");--> statement-breakpoint
CREATE UNIQUE INDEX "orders_external_id_key" ON "orders" USING btree ("organization_id","external_id") WHERE "orders"."external_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "orders_reverses_key" ON "orders" USING btree ("organization_id","reverses_id") WHERE "orders"."reverses_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "products_sku_key" ON "products" USING btree ("organization_id","sku") WHERE "products"."sku" is not null;--> statement-breakpoint
CREATE INDEX "training_registrations_member_idx" ON "training_registrations" USING btree ("organization_id","member_id");--> statement-breakpoint
CREATE INDEX "trainings_held_on_idx" ON "trainings" USING btree ("organization_id","held_on");