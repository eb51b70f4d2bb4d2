CREATE TABLE `committee_seats` (
	`plan_id` text NOT NULL,
	`user_id` text NOT NULL,
	`seat` text NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`plan_id`, `user_id`),
	FOREIGN KEY (`plan_id`) REFERENCES `plans`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `meeting_agenda` (
	`id` text PRIMARY KEY NOT NULL,
	`meeting_id` text NOT NULL,
	`section` integer NOT NULL,
	`order` integer NOT NULL,
	`title` text NOT NULL,
	`ref_kind` text,
	`ref_id` text,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `meeting_agenda_meeting` ON `meeting_agenda` (`meeting_id`,`section`,`order`);--> statement-breakpoint
CREATE TABLE `meeting_attendance` (
	`meeting_id` text NOT NULL,
	`person` text NOT NULL,
	`user_id` text,
	`name` text NOT NULL,
	`position` text DEFAULT '' NOT NULL,
	`status` text NOT NULL,
	`marked_by` text NOT NULL,
	`marked_at` integer NOT NULL,
	PRIMARY KEY(`meeting_id`, `person`),
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `meeting_resolutions` (
	`id` text PRIMARY KEY NOT NULL,
	`meeting_id` text NOT NULL,
	`agenda_item_id` text,
	`proposal_id` text,
	`decision` text NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`applied_change` text,
	`votes_for` integer,
	`votes_against` integer,
	`votes_abstain` integer,
	`version_id` text,
	`recorded_by` text NOT NULL,
	`recorded_at` integer NOT NULL,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `meeting_resolutions_meeting` ON `meeting_resolutions` (`meeting_id`,`recorded_at`);--> statement-breakpoint
CREATE TABLE `meetings` (
	`id` text PRIMARY KEY NOT NULL,
	`plan_id` text NOT NULL,
	`committee` text NOT NULL,
	`kind` text NOT NULL,
	`number` integer NOT NULL,
	`year_be` integer NOT NULL,
	`date` text NOT NULL,
	`place` text NOT NULL,
	`chair_id` text NOT NULL,
	`secretary_id` text NOT NULL,
	`quorum` integer,
	`status` text NOT NULL,
	`current_item_id` text,
	`narrative` text DEFAULT '' NOT NULL,
	`recorder_name` text DEFAULT '' NOT NULL,
	`checker_name` text DEFAULT '' NOT NULL,
	`started_at` integer NOT NULL,
	`ended_at` integer,
	`adopted_in_meeting_id` text,
	`created_by` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`plan_id`) REFERENCES `plans`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `meetings_plan` ON `meetings` (`plan_id`,`number`);--> statement-breakpoint
CREATE TABLE `plan_proposals` (
	`id` text PRIMARY KEY NOT NULL,
	`plan_id` text NOT NULL,
	`meeting_id` text,
	`change` text NOT NULL,
	`reason` text DEFAULT '' NOT NULL,
	`status` text NOT NULL,
	`proposed_by` text NOT NULL,
	`created_at` integer NOT NULL,
	`resolution_id` text,
	FOREIGN KEY (`plan_id`) REFERENCES `plans`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `plan_proposals_plan` ON `plan_proposals` (`plan_id`,`created_at`);