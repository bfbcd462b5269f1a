CREATE TABLE `audit_events` (
	`sequence` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`occurred_at` text NOT NULL,
	`actor` text NOT NULL,
	`action` text NOT NULL,
	`entity_type` text NOT NULL,
	`entity_id` text NOT NULL,
	`payload` text NOT NULL,
	`previous_hash` text,
	`hash` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `audit_events_entity` ON `audit_events` (`entity_type`,`entity_id`);--> statement-breakpoint
CREATE TABLE `dataset_versions` (
	`id` text PRIMARY KEY NOT NULL,
	`dataset_id` text NOT NULL,
	`version` integer NOT NULL,
	`sha256` text NOT NULL,
	`size_bytes` integer NOT NULL,
	`source_path` text NOT NULL,
	`row_count` integer NOT NULL,
	`columns` text NOT NULL,
	`delimiter` text NOT NULL,
	`has_header` integer NOT NULL,
	`registered_at` text NOT NULL,
	`registered_by` text NOT NULL,
	FOREIGN KEY (`dataset_id`) REFERENCES `datasets`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `dataset_versions_sha256_unique` ON `dataset_versions` (`sha256`);--> statement-breakpoint
CREATE UNIQUE INDEX `dataset_versions_dataset_version` ON `dataset_versions` (`dataset_id`,`version`);--> statement-breakpoint
CREATE TABLE `datasets` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`created_at` text NOT NULL,
	`created_by` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `datasets_name_unique` ON `datasets` (`name`);--> statement-breakpoint
CREATE TABLE `evaluations` (
	`id` text PRIMARY KEY NOT NULL,
	`model_version_id` text NOT NULL,
	`dataset_version_id` text NOT NULL,
	`task` text NOT NULL,
	`label_column` text NOT NULL,
	`positive_label` text,
	`positive_class` text,
	`threshold` real,
	`row_count` integer NOT NULL,
	`metrics` text NOT NULL,
	`undefined_metrics` text NOT NULL,
	`curves` text NOT NULL,
	`options` text NOT NULL,
	`started_at` text NOT NULL,
	`finished_at` text NOT NULL,
	`dossier_version` text NOT NULL,
	`created_by` text NOT NULL,
	FOREIGN KEY (`model_version_id`) REFERENCES `model_versions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`dataset_version_id`) REFERENCES `dataset_versions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `evaluations_model_version` ON `evaluations` (`model_version_id`);--> statement-breakpoint
CREATE INDEX `evaluations_dataset_version` ON `evaluations` (`dataset_version_id`);--> statement-breakpoint
CREATE TABLE `model_versions` (
	`id` text PRIMARY KEY NOT NULL,
	`model_id` text NOT NULL,
	`version` integer NOT NULL,
	`sha256` text NOT NULL,
	`size_bytes` integer NOT NULL,
	`source_path` text NOT NULL,
	`producer_name` text,
	`producer_version` text,
	`ir_version` integer,
	`opsets` text NOT NULL,
	`inputs` text NOT NULL,
	`outputs` text NOT NULL,
	`metadata` text NOT NULL,
	`registered_at` text NOT NULL,
	`registered_by` text NOT NULL,
	FOREIGN KEY (`model_id`) REFERENCES `models`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `model_versions_sha256_unique` ON `model_versions` (`sha256`);--> statement-breakpoint
CREATE UNIQUE INDEX `model_versions_model_version` ON `model_versions` (`model_id`,`version`);--> statement-breakpoint
CREATE TABLE `models` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`created_at` text NOT NULL,
	`created_by` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `models_name_unique` ON `models` (`name`);