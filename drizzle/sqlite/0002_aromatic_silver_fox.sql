CREATE TABLE `progress_entries` (
	`org_id` text NOT NULL,
	`fiscal_year` integer NOT NULL,
	`row_id` text NOT NULL,
	`row_kind` text NOT NULL,
	`status` text NOT NULL,
	`contract_satang` integer,
	`disbursed_satang` integer NOT NULL,
	`start_date` text,
	`end_date` text,
	`note` text NOT NULL,
	`updated_by` text NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`org_id`, `fiscal_year`, `row_id`),
	FOREIGN KEY (`org_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `progress_history` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`org_id` text NOT NULL,
	`fiscal_year` integer NOT NULL,
	`row_id` text NOT NULL,
	`data` text NOT NULL,
	`changed_by` text NOT NULL,
	`changed_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `progress_history_year` ON `progress_history` (`org_id`,`fiscal_year`,`seq`);--> statement-breakpoint
CREATE TABLE `progress_reports` (
	`id` text PRIMARY KEY NOT NULL,
	`org_id` text NOT NULL,
	`fiscal_year` integer NOT NULL,
	`plan_id` text NOT NULL,
	`period` text NOT NULL,
	`canonical_json` text NOT NULL,
	`sha256` text NOT NULL,
	`created_by` text NOT NULL,
	`created_at` integer NOT NULL,
	`presented_on` text,
	`announced_by` text,
	`announced_at` integer,
	FOREIGN KEY (`org_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `progress_reports_year` ON `progress_reports` (`org_id`,`fiscal_year`);