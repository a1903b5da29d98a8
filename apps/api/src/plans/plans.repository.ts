import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { TCohortRule, TPhase, TPlan, TTarget } from '@commune-bench/domain';
import type { DataSource, EntityManager } from 'typeorm';
import { returnedRows } from '../database/returned-rows.js';

interface PlanRow {
  id: string;
  unit_id: string;
  title: string;
  kind: TPlan['kind'];
  document_no: string | null;
  document_date: string | null;
  issuer: string | null;
  status: TPlan['status'];
  from_year: number;
  to_year: number;
  parent_plan_id: string | null;
  source_file_name: string | null;
  source_file_sha256: string | null;
  is_demo: boolean;
  version: number;
  target_count: string;
}

interface TargetRow {
  id: string;
  plan_id: string;
  indicator_code: string | null;
  label: string;
  area_in_plan: TTarget['areaInPlan'];
  comparator: TTarget['comparator'];
  value: number | null;
  unit: TTarget['unit'];
  due_year: number;
  phase_code: string | null;
  baseline_year: number | null;
  cohort: TCohortRule | null;
  aspirational: boolean;
  source_quote: string | null;
  source_line: number | null;
  confidence: number | null;
  reviewed: boolean;
  conflict_group: string | null;
  legacy: boolean;
}

export type PlanRecord = Omit<TPlan, 'targets'> & { targetCount: number };

const PLAN_COLUMNS = `p.id, p.unit_id, p.title, p.kind, p.document_no, to_char(p.document_date, 'YYYY-MM-DD') AS document_date, p.issuer, p.status,
  p.from_year, p.to_year, p.parent_plan_id, p.source_file_name, p.source_file_sha256, p.is_demo, p.version,
  (SELECT count(*) FROM targets t WHERE t.plan_id = p.id) AS target_count`;

const toTarget = (row: TargetRow): TTarget => ({
  id: row.id,
  indicatorCode: row.indicator_code,
  label: row.label,
  areaInPlan: row.area_in_plan,
  comparator: row.comparator,
  value: row.value,
  unit: row.unit,
  dueYear: row.due_year,
  phase: row.phase_code,
  baselineYear: row.baseline_year,
  cohort: row.cohort,
  aspirational: row.aspirational,
  source: row.source_quote === null ? null : { quote: row.source_quote, line: row.source_line },
  confidence: row.confidence,
  reviewed: row.reviewed,
  conflictGroup: row.conflict_group,
  legacy: row.legacy,
});

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
    await this.insertTargets(planId, plan.targets, manager);
    return planId;
  }

  async insertTargets(
    planId: string,
    targets: readonly Omit<TTarget, 'id'>[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<void> {
    if (targets.length === 0) return;
    const t = targets;
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

  /** Plans of the given units (issued first, then the newest period), with phases. */
  async findByUnits(
    unitIds: readonly string[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<PlanRecord[]> {
    if (unitIds.length === 0) return [];
    const rows: PlanRow[] = await manager.query(
      `SELECT ${PLAN_COLUMNS} FROM plans p WHERE p.unit_id = ANY($1::uuid[]) ORDER BY (p.status = 'issued') DESC, p.to_year DESC, p.created_at DESC`,
      [unitIds],
    );
    return this.withPhases(rows, manager);
  }

  async findById(
    id: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<PlanRecord | undefined> {
    const rows: PlanRow[] = await manager.query(
      `SELECT ${PLAN_COLUMNS} FROM plans p WHERE p.id = $1`,
      [id],
    );
    return (await this.withPhases(rows, manager))[0];
  }

  async targetsOf(
    planIds: readonly string[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Map<string, TTarget[]>> {
    const byPlan = new Map<string, TTarget[]>(planIds.map((id) => [id, []]));
    if (planIds.length === 0) return byPlan;
    const rows: TargetRow[] = await manager.query(
      'SELECT * FROM targets WHERE plan_id = ANY($1::uuid[]) ORDER BY plan_id, position',
      [planIds],
    );
    for (const row of rows) byPlan.get(row.plan_id)?.push(toTarget(row));
    return byPlan;
  }

  /** Optimistic lock: updates only when `version` is still the stored one; returns false when stale. */
  async update(
    id: string,
    version: number,
    changes: Partial<Omit<NewPlan, 'unitId' | 'targets' | 'isDemo'>>,
    manager: EntityManager,
  ): Promise<boolean> {
    const columns: Record<string, string> = {
      title: 'title',
      kind: 'kind',
      documentNo: 'document_no',
      documentDate: 'document_date',
      issuer: 'issuer',
      status: 'status',
      fromYear: 'from_year',
      toYear: 'to_year',
      parentPlanId: 'parent_plan_id',
    };
    const sets: string[] = [];
    const params: unknown[] = [id, version];
    for (const [key, column] of Object.entries(columns)) {
      const value = (changes as Record<string, unknown>)[key];
      if (value === undefined) continue;
      params.push(value);
      sets.push(`${column} = $${params.length}`);
    }
    if (changes.sourceFile !== undefined) {
      params.push(changes.sourceFile?.name ?? null, changes.sourceFile?.sha256 ?? null);
      sets.push(
        `source_file_name = $${params.length - 1}`,
        `source_file_sha256 = $${params.length}`,
      );
    }
    const rows = returnedRows<{ id: string }>(
      await manager.query(
        `UPDATE plans SET ${[...sets, 'version = version + 1', 'updated_at = now()'].join(', ')} WHERE id = $1 AND version = $2 RETURNING id`,
        params,
      ),
    );
    return rows.length === 1;
  }

  async replacePhases(
    planId: string,
    phases: readonly TPhase[],
    manager: EntityManager,
  ): Promise<void> {
    await manager.query('DELETE FROM plan_phases WHERE plan_id = $1', [planId]);
    for (const phase of phases) {
      await manager.query(
        'INSERT INTO plan_phases (plan_id, code, from_year, to_year) VALUES ($1, $2, $3, $4)',
        [planId, phase.code, phase.fromYear, phase.toYear],
      );
    }
  }

  async replaceTargets(
    planId: string,
    targets: readonly Omit<TTarget, 'id'>[],
    manager: EntityManager,
  ): Promise<void> {
    await manager.query('DELETE FROM targets WHERE plan_id = $1', [planId]);
    await this.insertTargets(planId, targets, manager);
  }

  private async withPhases(
    rows: PlanRow[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<PlanRecord[]> {
    if (rows.length === 0) return [];
    const phases: { plan_id: string; code: string; from_year: number; to_year: number }[] =
      await manager.query(
        'SELECT plan_id, code, from_year, to_year FROM plan_phases WHERE plan_id = ANY($1::uuid[]) ORDER BY from_year, code',
        [rows.map((row) => row.id)],
      );
    return rows.map((row) => ({
      id: row.id,
      unitId: row.unit_id,
      title: row.title,
      kind: row.kind,
      documentNo: row.document_no,
      documentDate: row.document_date,
      issuer: row.issuer,
      status: row.status,
      fromYear: row.from_year,
      toYear: row.to_year,
      phases: phases
        .filter((phase) => phase.plan_id === row.id)
        .map((phase) => ({ code: phase.code, fromYear: phase.from_year, toYear: phase.to_year })),
      parentPlanId: row.parent_plan_id,
      sourceFile:
        row.source_file_name === null
          ? null
          : { name: row.source_file_name, sha256: row.source_file_sha256 ?? '' },
      isDemo: row.is_demo,
      version: row.version,
      targetCount: Number(row.target_count),
    }));
  }

  async countTargets(manager: EntityManager = this.dataSource.manager): Promise<number> {
    const rows: { count: string }[] = await manager.query('SELECT count(*) AS count FROM targets');
    return Number(rows[0]?.count ?? 0);
  }
}
