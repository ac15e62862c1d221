CREATE TYPE "public"."invitee_visibility" AS ENUM('names', 'hidden');--> statement-breakpoint
ALTER TABLE "people" ADD COLUMN "invitees_see_each_other" "invitee_visibility" DEFAULT 'names' NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "invitations_meeting_person_unique" ON "invitations" USING btree ("meeting_id","person_id") WHERE "invitations"."person_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "invitations_meeting_member_unique" ON "invitations" USING btree ("meeting_id","network_member_id") WHERE "invitations"."network_member_id" is not null;