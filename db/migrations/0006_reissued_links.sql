DROP INDEX "invitations_meeting_person_unique";--> statement-breakpoint
DROP INDEX "invitations_meeting_member_unique";--> statement-breakpoint
CREATE UNIQUE INDEX "invitations_meeting_person_unique" ON "invitations" USING btree ("meeting_id","person_id") WHERE "invitations"."person_id" is not null and "invitations"."revoked_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "invitations_meeting_member_unique" ON "invitations" USING btree ("meeting_id","network_member_id") WHERE "invitations"."network_member_id" is not null and "invitations"."revoked_at" is null;