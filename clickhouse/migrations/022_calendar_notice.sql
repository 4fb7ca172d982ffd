-- Issue 14: overrides say why and where they came from. reason: the admin's reason for a toggled day (audited too);
-- notice_year: the year of the State Council notice an imported day belongs to (0 for a toggle). A year with imported
-- rows is known as a whole: the days its notice does not name follow the Mon–Fri rule (server/domain/calendar.ts).
ALTER TABLE calendar_overrides {{on_cluster}} ADD COLUMN IF NOT EXISTS reason String DEFAULT '';
ALTER TABLE calendar_overrides {{on_cluster}} ADD COLUMN IF NOT EXISTS notice_year UInt16 DEFAULT 0;
