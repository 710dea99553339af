ALTER TYPE "public"."followup_step_condition" ADD VALUE 'goal_set';--> statement-breakpoint
ALTER TYPE "public"."followup_step_condition" ADD VALUE 'three_month_plan';--> statement-breakpoint
ALTER TABLE "annual_goals" ADD COLUMN "starts_on" date;--> statement-breakpoint
ALTER TABLE "annual_goals" ADD COLUMN "ends_on" date;--> statement-breakpoint
-- A goal written for a year runs from January to December of that year.
UPDATE "annual_goals" SET "starts_on" = make_date("year", 1, 1), "ends_on" = make_date("year", 12, 31);--> statement-breakpoint
ALTER TABLE "annual_goals" ALTER COLUMN "starts_on" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "annual_goals" ALTER COLUMN "ends_on" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "annual_goals" DROP CONSTRAINT "annual_goals_organization_id_member_id_year_pk";--> statement-breakpoint
ALTER TABLE "annual_goals" ADD CONSTRAINT "annual_goals_organization_id_member_id_starts_on_pk" PRIMARY KEY("organization_id","member_id","starts_on");--> statement-breakpoint
ALTER TABLE "annual_goals" DROP COLUMN "year";--> statement-breakpoint
ALTER TABLE "annual_goals" ADD CONSTRAINT "annual_goals_period_check" CHECK (extract(day from "annual_goals"."starts_on") = 1 and "annual_goals"."ends_on" = ("annual_goals"."starts_on" + interval '12 months' - interval '1 day')::date);
