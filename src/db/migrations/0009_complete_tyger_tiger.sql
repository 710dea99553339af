ALTER TYPE "public"."followup_step_condition" ADD VALUE 'goal_set';--> statement-breakpoint
ALTER TYPE "public"."followup_step_condition" ADD VALUE 'three_month_plan';