import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Results indexes shaped for imports (issue 7, query 6). An import brings one period for many
 * units; what it costs is mostly the index pages it touches (each page's first change after a
 * checkpoint is written whole to the WAL). Before this migration a 100,000-row import of one month
 * into the national data set touched nearly every leaf of two large indexes (about 600 MB of WAL):
 *
 * - the unique key (unit, indicator, period) put the new period beside every (unit, indicator)
 *   pair: it is now (unit, period, indicator), where one unit's new period is one run of entries.
 *   It also serves what `idx_results_unit_period` (unit, period) served, which is dropped.
 *   `ON CONFLICT (unit_id, indicator_code, period)` names the columns, not their order: unchanged;
 * - the primary key took random UUIDs: new ids are now time-ordered (UUID version 7, RFC 9562),
 *   so new rows go to the same few pages. PostgreSQL 15 has no uuidv7(): `uuid_v7()` is ours.
 */
export class ResultsImportIndexes1764979200000 implements MigrationInterface {
  name = 'ResultsImportIndexes1764979200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // 48 bits of Unix time in milliseconds, then the version (7) and 74 random bits.
    await queryRunner.query(`CREATE FUNCTION uuid_v7() RETURNS uuid LANGUAGE sql VOLATILE PARALLEL SAFE AS $$
  SELECT encode(set_bit(set_bit(overlay(uuid_send(gen_random_uuid())
    PLACING substring(int8send((extract(epoch FROM clock_timestamp()) * 1000)::bigint) FROM 3) FROM 1 FOR 6),
    52, 1), 53, 1), 'hex')::uuid
$$`);
    await queryRunner.query(`ALTER TABLE "results" ALTER COLUMN "id" SET DEFAULT uuid_v7()`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_results_unit_period_indicator" ON "results" ("unit_id", "period", "indicator_code") `,
    );
    await queryRunner.query(`DROP INDEX "public"."uq_results_unit_indicator_period"`);
    await queryRunner.query(`DROP INDEX "public"."idx_results_unit_period"`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "idx_results_unit_period" ON "results" ("unit_id", "period") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_results_unit_indicator_period" ON "results" ("unit_id", "indicator_code", "period") `,
    );
    await queryRunner.query(`DROP INDEX "public"."uq_results_unit_period_indicator"`);
    await queryRunner.query(
      `ALTER TABLE "results" ALTER COLUMN "id" SET DEFAULT gen_random_uuid()`,
    );
    await queryRunner.query(`DROP FUNCTION uuid_v7()`);
  }
}
