CREATE TABLE `report_month_versions` (
	`source` text NOT NULL,
	`month` integer NOT NULL,
	`version` integer NOT NULL,
	PRIMARY KEY(`source`, `month`)
);
