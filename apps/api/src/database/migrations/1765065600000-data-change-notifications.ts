import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The tables a ranking or a comparison is computed from. */
const DATA_TABLES = [
  'provinces',
  'units',
  'unit_classifications',
  'indicators',
  'plans',
  'plan_phases',
  'targets',
  'results',
];

/**
 * Every committed change to what rankings are computed from is announced on the channel
 * `commune_bench_data_changed` (PostgreSQL delivers a NOTIFY at commit, never for a transaction
 * rolled back), whoever writes: the API, a worker, a script or psql. Each API instance listens and
 * drops the rankings it keeps in memory (rankings/ranking-cache.ts). One notification per table
 * and transaction: PostgreSQL folds identical ones. Kept composite scores count too when they are
 * thrown away (rules changed): the rankings built on them must be computed again; scores saved by
 * a ranking itself do not (they change no ranking).
 */
export class DataChangeNotifications1765065600000 implements MigrationInterface {
  name = 'DataChangeNotifications1765065600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE FUNCTION notify_data_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('commune_bench_data_changed', TG_TABLE_NAME);
  RETURN NULL;
END
$$`);
    for (const table of DATA_TABLES)
      await queryRunner.query(
        `CREATE TRIGGER "data_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "${table}" FOR EACH STATEMENT EXECUTE FUNCTION notify_data_changed()`,
      );
    await queryRunner.query(
      `CREATE TRIGGER "data_changed" AFTER DELETE OR TRUNCATE ON "composite_scores" FOR EACH STATEMENT EXECUTE FUNCTION notify_data_changed()`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [...DATA_TABLES, 'composite_scores'])
      await queryRunner.query(`DROP TRIGGER "data_changed" ON "${table}"`);
    await queryRunner.query(`DROP FUNCTION notify_data_changed()`);
  }
}
