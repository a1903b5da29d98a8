import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { TPlan, TTarget } from '@commune-bench/domain';
import type { DataSource, EntityManager } from 'typeorm';

export type NewPlan = Omit<TPlan, 'id' | 'version' | 'targets'> & {
  targets: Omit<TTarget, 'id'>[];
};

@Injectable()
export class PlansRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Inserts a plan with its phases and targets (targets keep their order); returns the plan id. */
  async insertWithTargets(
    plan: NewPlan,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<string> {
    const rows: { id: string }[] = await manager.query(
      `INSERT INTO plans (unit_id, title, kind, document_no, document_date, issuer, status, from_year, to_year, parent_plan_id, source_file_name, source_file_sha256, is_demo)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id`,
      [
        plan.unitId,
        plan.title,
        plan.kind,
        plan.documentNo,
        plan.documentDate,
        plan.issuer,
        plan.status,
        plan.fromYear,
        plan.toYear,
        plan.parentPlanId,
        plan.sourceFile?.name ?? null,
        plan.sourceFile?.sha256 ?? null,
        plan.isDemo,
      ],
    );
    const planId = rows[0]!.id;
    for (const phase of plan.phases) {
      await manager.query(
        'INSERT INTO plan_phases (plan_id, code, from_year, to_year) VALUES ($1, $2, $3, $4)',
        [planId, phase.code, phase.fromYear, phase.toYear],
      );
    }
    if (plan.targets.length > 0) {
      const t = plan.targets;
      await manager.query(
        `INSERT INTO targets (plan_id, indicator_code, label, area_in_plan, comparator, value, unit, due_year, phase_code, baseline_year, cohort,
           aspirational, source_quote, source_line, confidence, reviewed, conflict_group, legacy, position)
         SELECT $1, * FROM unnest($2::varchar[], $3::text[], $4::varchar[], $5::varchar[], $6::float8[], $7::varchar[], $8::int[], $9::varchar[],
           $10::int[], $11::jsonb[], $12::bool[], $13::text[], $14::int[], $15::float8[], $16::bool[], $17::varchar[], $18::bool[], $19::int[])`,
        [
          planId,
          t.map((x) => x.indicatorCode),
          t.map((x) => x.label),
          t.map((x) => x.areaInPlan),
          t.map((x) => x.comparator),
          t.map((x) => x.value),
          t.map((x) => x.unit),
          t.map((x) => x.dueYear),
          t.map((x) => x.phase),
          t.map((x) => x.baselineYear),
          t.map((x) => (x.cohort === null ? null : JSON.stringify(x.cohort))),
          t.map((x) => x.aspirational),
          t.map((x) => x.source?.quote ?? null),
          t.map((x) => x.source?.line ?? null),
          t.map((x) => x.confidence),
          t.map((x) => x.reviewed),
          t.map((x) => x.conflictGroup ?? null),
          t.map((x) => x.legacy ?? false),
          t.map((_x, index) => index),
        ],
      );
    }
    return planId;
  }

  async countTargets(manager: EntityManager = this.dataSource.manager): Promise<number> {
    const rows: { count: string }[] = await manager.query('SELECT count(*) AS count FROM targets');
    return Number(rows[0]?.count ?? 0);
  }
}
