-- Date-ordered copies of the two cubes. Their rows are ordered by unit first (a unit's build is written and read as
-- one range), so a period's figures for every unit read the whole cube: every granule holds a few units' rows of all
-- dates. Every figure of every unit reads one window of dates (the assessment ranking, the KPIs by unit or district,
-- the trends), and these projections let ClickHouse read only that window (at 100 M rows: 3 granules of 62 for a
-- month of double publicity, and the array columns of those only).
-- Superseded builds are removed with lightweight deletes (server/metrics/cubeBuilds.ts cleanupCube), which a table
-- with projections refuses unless told to rebuild them.
ALTER TABLE publicity_cube {{on_cluster}} MODIFY SETTING lightweight_mutation_projection_mode = 'rebuild';
ALTER TABLE publicity_cube {{on_cluster}} ADD PROJECTION IF NOT EXISTS by_decision_date
    (SELECT * ORDER BY decision_date, unit_code, build_seq, kind);
ALTER TABLE publicity_cube {{on_cluster}} MATERIALIZE PROJECTION by_decision_date;

ALTER TABLE sanction_cube {{on_cluster}} MODIFY SETTING lightweight_mutation_projection_mode = 'rebuild';
ALTER TABLE sanction_cube {{on_cluster}} ADD PROJECTION IF NOT EXISTS by_pushed_date
    (SELECT * ORDER BY pushed_date, unit_code, build_seq, measure_code);
ALTER TABLE sanction_cube {{on_cluster}} MATERIALIZE PROJECTION by_pushed_date;
