ALTER TABLE "teams" ADD COLUMN "first_meeting_hours" smallint DEFAULT 24 NOT NULL;--> statement-breakpoint
ALTER TABLE "teams" ADD COLUMN "meeting_gap_days" smallint DEFAULT 14 NOT NULL;--> statement-breakpoint
ALTER TABLE "teams" ADD COLUMN "sign_within_days" smallint DEFAULT 3 NOT NULL;