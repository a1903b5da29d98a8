import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Background jobs (exports, imports): state, input and output, shared by every instance. */
export class Jobs1764806400000 implements MigrationInterface {
  name = 'Jobs1764806400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "jobs" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "kind" character varying(32) NOT NULL, "status" character varying(16) NOT NULL DEFAULT 'queued', "progress" smallint NOT NULL DEFAULT '0', "params" jsonb NOT NULL DEFAULT '{}', "input_name" character varying(255), "input_type" character varying(255), "input" bytea, "result_file" bytea, "result_content_type" character varying(255), "result_disposition" character varying(1000), "result_summary" jsonb, "error" jsonb, "attempts" smallint NOT NULL DEFAULT '0', "created_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "started_at" TIMESTAMP WITH TIME ZONE, "finished_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_cf0a6c42b72fcc7f7c237def345" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "idx_jobs_status" ON "jobs" ("status", "created_at")`);
    await queryRunner.query(
      `CREATE INDEX "idx_jobs_created_by" ON "jobs" ("created_by", "created_at")`,
    );
    await queryRunner.query(
      `ALTER TABLE "jobs" ADD CONSTRAINT "FK_2d210533bd8823b36702a26dd43" FOREIGN KEY ("created_by") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE IF EXISTS "jobs"`);
  }
}
