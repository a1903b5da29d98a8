import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Composite attainment scores kept current on write. `composite_scores` holds each unit's score per
 * period, statuses counted and tie rule, tagged with the unit's `score_versions.version` when it was
 * computed; these triggers bump the version of every unit whose score a write can change, in the
 * writing transaction, whatever wrote (the API, an import job, COPY, psql):
 *
 * - results of unit U, indicator I: U, and every unit with a rank target (top_n, better_rank) on I
 *   whose cohort can hold U (U's province or the whole country, U's type, U if units are listed):
 *   its rank can move;
 * - plans, phases and targets: the plan's unit;
 * - units and classifications (cohort membership, the rank of everyone): every unit.
 *
 * Statement-level triggers with transition tables: an import of 100,000 rows bumps each unit once.
 * A score whose version is no longer its unit's is ignored and computed again (rankings engine).
 */
export class CompositeScores1764892800000 implements MigrationInterface {
  name = 'CompositeScores1764892800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "composite_scores" ("period" character varying(7) NOT NULL, "include" character varying(16) NOT NULL, "ties" character varying(16) NOT NULL, "unit_id" uuid NOT NULL, "rules" smallint NOT NULL, "version" bigint NOT NULL, "score" double precision, "computed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_1b87c648b510a47891e1e2255df" PRIMARY KEY ("period", "include", "ties", "unit_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "score_versions" ("unit_id" uuid NOT NULL, "version" bigint NOT NULL DEFAULT '1', CONSTRAINT "PK_9c30bb496c3180c996522f7aa4a" PRIMARY KEY ("unit_id"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "composite_scores" ADD CONSTRAINT "FK_be9dbfba77ad4f0b309d9359592" FOREIGN KEY ("unit_id") REFERENCES "units"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "score_versions" ADD CONSTRAINT "FK_9c30bb496c3180c996522f7aa4a" FOREIGN KEY ("unit_id") REFERENCES "units"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );

    // Bumps the given units (those still there: a cascaded delete of a unit's rows sees it gone),
    // in key order so that concurrent writers take the row locks in the same order, each unit once
    // per transaction.
    await queryRunner.query(`CREATE FUNCTION score_versions_bump(ids uuid[]) RETURNS void LANGUAGE sql AS $$
      INSERT INTO score_versions (unit_id, version)
      SELECT u.id, 2 FROM units u WHERE u.id = ANY(ids) ORDER BY u.id
      ON CONFLICT (unit_id) DO UPDATE SET version = score_versions.version + 1
        -- once per transaction is enough: nobody sees the new version before all its writes
        WHERE NOT (score_versions.xmin = pg_current_xact_id()::xid)
    $$`);
    // Bumped often: room on each page for HOT updates, and vacuumed as soon as it has dead rows.
    await queryRunner.query(
      `ALTER TABLE "score_versions" SET (fillfactor = 50, autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 2000, autovacuum_vacuum_cost_delay = 0)`,
    );
    await queryRunner.query(`CREATE FUNCTION score_versions_bump_all() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM score_versions_bump(ARRAY(SELECT id FROM units));
        RETURN NULL;
      END
    $$`);
    // (jit off: the estimate of a statement over a large import makes PostgreSQL compile the query,
    // which takes longer than running it.)
    await queryRunner.query(`CREATE FUNCTION results_bump_score_versions() RETURNS trigger LANGUAGE plpgsql SET jit = off AS $$
      BEGIN
        PERFORM score_versions_bump(ARRAY(
          WITH touched AS MATERIALIZED (
            SELECT DISTINCT c.unit_id, c.indicator_code, u.province_code, u.type
            FROM changed c JOIN units u ON u.id = c.unit_id
          ),
          -- what a cohort is matched on: an import of 100,000 rows is a few thousand of these
          touched_cohorts AS MATERIALIZED (
            SELECT DISTINCT indicator_code, province_code, type FROM touched
          ),
          -- the rank targets on a written indicator, with the cohort they rank in
          rank_targets AS MATERIALIZED (
            SELECT p.unit_id, tg.indicator_code,
                   COALESCE(tg.cohort->>'province', v.province_code) AS province,
                   COALESCE(tg.cohort->'unitTypes', '[]') AS types,
                   COALESCE(tg.cohort->'explicitUnitIds', '[]') AS ids
            FROM targets tg
            JOIN plans p ON p.id = tg.plan_id
            JOIN units v ON v.id = p.unit_id
            WHERE tg.comparator IN ('top_n', 'better_rank')
              AND tg.indicator_code IN (SELECT indicator_code FROM touched_cohorts)
          )
          SELECT unit_id FROM touched
          UNION
          -- those whose cohort can hold a written unit (its class is not looked at: a superset)
          SELECT r.unit_id
          FROM rank_targets r
          JOIN touched_cohorts c ON c.indicator_code = r.indicator_code
          WHERE (r.province IS NULL OR r.province = c.province_code)
            AND (jsonb_array_length(r.types) = 0 OR r.types ? c.type)
            AND (jsonb_array_length(r.ids) = 0
              OR EXISTS (SELECT 1 FROM touched t
                          WHERE t.indicator_code = c.indicator_code AND t.type = c.type
                            AND t.province_code IS NOT DISTINCT FROM c.province_code
                            AND r.ids ? t.unit_id::text))
        ));
        RETURN NULL;
      END
    $$`);
    await queryRunner.query(`CREATE FUNCTION plans_bump_score_versions() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM score_versions_bump(ARRAY(SELECT DISTINCT unit_id FROM changed));
        RETURN NULL;
      END
    $$`);
    await queryRunner.query(`CREATE FUNCTION plan_rows_bump_score_versions() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM score_versions_bump(ARRAY(
          SELECT DISTINCT p.unit_id FROM (SELECT DISTINCT plan_id FROM changed) c JOIN plans p ON p.id = c.plan_id
        ));
        RETURN NULL;
      END
    $$`);

    const statementTriggers: [table: string, fn: string][] = [
      ['results', 'results_bump_score_versions'],
      ['plans', 'plans_bump_score_versions'],
      ['targets', 'plan_rows_bump_score_versions'],
      ['plan_phases', 'plan_rows_bump_score_versions'],
    ];
    for (const [table, fn] of statementTriggers) {
      await queryRunner.query(
        `CREATE TRIGGER ${table}_scores_insert AFTER INSERT ON "${table}" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION ${fn}()`,
      );
      await queryRunner.query(
        `CREATE TRIGGER ${table}_scores_update AFTER UPDATE ON "${table}" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION ${fn}()`,
      );
      await queryRunner.query(
        `CREATE TRIGGER ${table}_scores_delete AFTER DELETE ON "${table}" REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION ${fn}()`,
      );
      await queryRunner.query(
        `CREATE TRIGGER ${table}_scores_truncate AFTER TRUNCATE ON "${table}" FOR EACH STATEMENT EXECUTE FUNCTION score_versions_bump_all()`,
      );
    }
    for (const table of ['units', 'unit_classifications'])
      await queryRunner.query(
        `CREATE TRIGGER ${table}_scores_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "${table}" FOR EACH STATEMENT EXECUTE FUNCTION score_versions_bump_all()`,
      );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['results', 'plans', 'targets', 'plan_phases'])
      for (const op of ['insert', 'update', 'delete', 'truncate'])
        await queryRunner.query(`DROP TRIGGER IF EXISTS ${table}_scores_${op} ON "${table}"`);
    for (const table of ['units', 'unit_classifications'])
      await queryRunner.query(`DROP TRIGGER IF EXISTS ${table}_scores_change ON "${table}"`);
    for (const fn of [
      'results_bump_score_versions()',
      'plans_bump_score_versions()',
      'plan_rows_bump_score_versions()',
      'score_versions_bump_all()',
      'score_versions_bump(uuid[])',
    ])
      await queryRunner.query(`DROP FUNCTION IF EXISTS ${fn}`);
    await queryRunner.query(`DROP TABLE IF EXISTS "composite_scores"`);
    await queryRunner.query(`DROP TABLE IF EXISTS "score_versions"`);
  }
}
