import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The first schema: units with lineage and validity, classifications, the indicator catalog, plans,
 * phases, targets with their source quote, results with status and version, users with role and
 * scope, and an append-only audit log. Drafted from the entities (database/draft-migration.ts);
 * never edit a migration after it has landed: add a new one.
 */
export class InitialSchema1764633600000 implements MigrationInterface {
  name = 'InitialSchema1764633600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS pgcrypto`);
    await queryRunner.query(
      `CREATE TABLE "app_settings" ("key" character varying(64) NOT NULL, "value" jsonb NOT NULL, CONSTRAINT "PK_975c2db59c65c05fd9c6b63a2ab" PRIMARY KEY ("key"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "audit_log" ("id" BIGSERIAL NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "actor_id" uuid, "actor_name" text, "action" character varying(32) NOT NULL, "entity" character varying(32) NOT NULL, "entity_id" text NOT NULL, "before" jsonb, "after" jsonb, CONSTRAINT "PK_07fefa57f7f5ab8fc3f52b3ed0b" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_audit_log_entity" ON "audit_log"  ("entity", "entity_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "indicators" ("code" character varying(64) NOT NULL, "area" character varying(8) NOT NULL, "name_vi" text NOT NULL, "name_en" text NOT NULL, "unit" character varying(16) NOT NULL, "direction" character varying(16) NOT NULL, "precision" integer NOT NULL, "aliases" jsonb NOT NULL, "is_index" boolean NOT NULL DEFAULT false, "position" integer NOT NULL DEFAULT '0', CONSTRAINT "PK_7908c77362d20f1c428d49bfe4b" PRIMARY KEY ("code"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "plan_phases" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "plan_id" uuid NOT NULL, "code" character varying(32) NOT NULL, "from_year" integer NOT NULL, "to_year" integer NOT NULL, CONSTRAINT "PK_ffc7dac30997d1de68d7e09b6e2" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_plan_phases_plan_code" ON "plan_phases"  ("plan_id", "code") `,
    );
    await queryRunner.query(
      `CREATE TABLE "plans" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "unit_id" uuid NOT NULL, "title" text NOT NULL, "kind" character varying(16) NOT NULL, "document_no" text, "document_date" date, "issuer" text, "status" character varying(16) NOT NULL DEFAULT 'draft', "from_year" integer NOT NULL, "to_year" integer NOT NULL, "parent_plan_id" uuid, "source_file_name" text, "source_file_sha256" character varying(64), "is_demo" boolean NOT NULL DEFAULT false, "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_3720521a81c7c24fe9b7202ba61" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "idx_plans_unit" ON "plans"  ("unit_id") `);
    await queryRunner.query(
      `CREATE TABLE "provinces" ("code" character varying(32) NOT NULL, "name" text NOT NULL, "kind" character varying(16) NOT NULL, "valid_from" date, "valid_to" date, "merged_into" character varying(32), CONSTRAINT "PK_f4b684af62d5cb3aa174f6b9b8a" PRIMARY KEY ("code"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "results" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "unit_id" uuid NOT NULL, "indicator_code" character varying(64) NOT NULL, "period" character varying(7) NOT NULL, "value" double precision, "numerator" double precision, "denominator" double precision, "source" text, "evidence" jsonb NOT NULL, "status" character varying(16) NOT NULL DEFAULT 'draft', "return_reason" text, "submitted_by" uuid, "verified_by" uuid, "is_demo" boolean NOT NULL DEFAULT false, "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_e8f2a9191c61c15b627c117a678" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_results_unit_period" ON "results"  ("unit_id", "period") `,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_results_indicator_period_unit" ON "results"  ("indicator_code", "period", "unit_id") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_results_unit_indicator_period" ON "results"  ("unit_id", "indicator_code", "period") `,
    );
    await queryRunner.query(
      `CREATE TABLE "targets" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "plan_id" uuid NOT NULL, "indicator_code" character varying(64), "label" text NOT NULL, "area_in_plan" character varying(8), "comparator" character varying(16) NOT NULL, "value" double precision, "unit" character varying(16) NOT NULL, "due_year" integer NOT NULL, "phase_code" character varying(32), "baseline_year" integer, "cohort" jsonb, "aspirational" boolean NOT NULL DEFAULT false, "source_quote" text, "source_line" integer, "confidence" double precision, "reviewed" boolean NOT NULL DEFAULT false, "conflict_group" character varying(64), "legacy" boolean NOT NULL DEFAULT false, "position" integer NOT NULL DEFAULT '0', "version" integer NOT NULL DEFAULT '1', CONSTRAINT "PK_87084f49e9de9dd6a3e83906584" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_targets_indicator_due" ON "targets"  ("indicator_code", "due_year") `,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_targets_plan" ON "targets"  ("plan_id", "position") `,
    );
    await queryRunner.query(
      `CREATE TABLE "unit_classifications" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "unit_id" uuid NOT NULL, "class" character varying(8) NOT NULL, "basis" text, "decision_no" text, "valid_from" date NOT NULL, "valid_to" date, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_49ac531c4b3c08abd2d996bc497" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_unit_classifications_unit" ON "unit_classifications"  ("unit_id", "valid_from") `,
    );
    await queryRunner.query(
      `CREATE TABLE "units" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "code" character varying(64) NOT NULL, "name" text NOT NULL, "name_folded" text NOT NULL, "type" character varying(32) NOT NULL, "province_code" character varying(32), "parent_name" text, "valid_from" date, "valid_to" date, "merged_into_id" uuid, "is_demo" boolean NOT NULL DEFAULT false, "notes" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_5a8f2f064919b587d93936cb223" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_units_code" ON "units"  ("code") `);
    await queryRunner.query(
      `CREATE INDEX "idx_units_province_type" ON "units"  ("province_code", "type") `,
    );
    await queryRunner.query(
      `CREATE TABLE "users" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "username" character varying(100) NOT NULL, "display_name" text NOT NULL, "password_hash" text NOT NULL, "role" character varying(16) NOT NULL, "scope_provinces" jsonb, "scope_unit_id" uuid, "disabled" boolean NOT NULL DEFAULT false, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_a3ffb1c0c8416b9fc6f907b7433" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_users_username" ON "users"  ("username") `);
    await queryRunner.query(
      `ALTER TABLE "plan_phases" ADD CONSTRAINT "FK_1eee5220992ed7f0d181c8fb1f0" FOREIGN KEY ("plan_id") REFERENCES "plans"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "plans" ADD CONSTRAINT "FK_ec86cbe8fc80769fec01fedbe22" FOREIGN KEY ("unit_id") REFERENCES "units"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "plans" ADD CONSTRAINT "FK_d753c9d91b66b123f7178be4a6b" FOREIGN KEY ("parent_plan_id") REFERENCES "plans"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "results" ADD CONSTRAINT "FK_66a585bb2c59e78052f3fd664f5" FOREIGN KEY ("unit_id") REFERENCES "units"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "results" ADD CONSTRAINT "FK_47dba91524acc496e1dac0edf4d" FOREIGN KEY ("indicator_code") REFERENCES "indicators"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "targets" ADD CONSTRAINT "FK_a9c53717a1a6f336cb100b0f6bd" FOREIGN KEY ("plan_id") REFERENCES "plans"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "targets" ADD CONSTRAINT "FK_d4f1975fb9046b288ae7f0b0dd1" FOREIGN KEY ("indicator_code") REFERENCES "indicators"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "unit_classifications" ADD CONSTRAINT "FK_bd0ec89a67d681fceb4237dff93" FOREIGN KEY ("unit_id") REFERENCES "units"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "units" ADD CONSTRAINT "FK_43f407934507d029a877f7c1177" FOREIGN KEY ("province_code") REFERENCES "provinces"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "units" ADD CONSTRAINT "FK_e203fcb7e128120054cf6d2f99c" FOREIGN KEY ("merged_into_id") REFERENCES "units"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "users" ADD CONSTRAINT "FK_fb1d2463302e7bd7e8aca1d0ce7" FOREIGN KEY ("scope_unit_id") REFERENCES "units"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    // The audit log is append-only at the database level.
    await queryRunner.query(`CREATE FUNCTION audit_log_reject_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_log is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await queryRunner.query(
      `CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON "audit_log" FOR EACH ROW EXECUTE FUNCTION audit_log_reject_change()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON "audit_log" FOR EACH STATEMENT EXECUTE FUNCTION audit_log_reject_change()`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE IF EXISTS "users" CASCADE`);
    await queryRunner.query(`DROP TABLE IF EXISTS "units" CASCADE`);
    await queryRunner.query(`DROP TABLE IF EXISTS "unit_classifications" CASCADE`);
    await queryRunner.query(`DROP TABLE IF EXISTS "targets" CASCADE`);
    await queryRunner.query(`DROP TABLE IF EXISTS "results" CASCADE`);
    await queryRunner.query(`DROP TABLE IF EXISTS "provinces" CASCADE`);
    await queryRunner.query(`DROP TABLE IF EXISTS "plans" CASCADE`);
    await queryRunner.query(`DROP TABLE IF EXISTS "plan_phases" CASCADE`);
    await queryRunner.query(`DROP TABLE IF EXISTS "indicators" CASCADE`);
    await queryRunner.query(`DROP TABLE IF EXISTS "audit_log" CASCADE`);
    await queryRunner.query(`DROP TABLE IF EXISTS "app_settings" CASCADE`);
    await queryRunner.query(`DROP FUNCTION IF EXISTS audit_log_reject_change()`);
  }
}
