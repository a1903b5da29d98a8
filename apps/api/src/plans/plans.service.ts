import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  canEditUnitData,
  canReadUnit,
  canVerify,
  checkCascade,
  findIndicator,
  groupTargets,
  type TCascadeIssue,
  type TMe,
  type TPlanCreate,
  type TPlanDetail,
  type TPlanSummary,
  type TPlanUpdate,
  type TTargetInput,
  type TUnitRef,
} from '@commune-bench/domain';
import type { DataSource } from 'typeorm';
import { AuditRepository } from '../audit/audit.repository.js';
import { AppError, badRequest, forbidden, notFound } from '../common/app-error.js';
import { UnitsRepository } from '../units/units.repository.js';
import { OUT_OF_SCOPE, UnitsService } from '../units/units.service.js';
import { type PlanRecord, PlansRepository } from './plans.repository.js';

@Injectable()
export class PlansService {
  constructor(
    private readonly plans: PlansRepository,
    private readonly units: UnitsService,
    private readonly unitsRepository: UnitsRepository,
    private readonly audit: AuditRepository,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /** Plans of one unit, or of every unit the user may read. */
  async list(user: TMe, unitId: string | undefined): Promise<TPlanSummary[]> {
    const unitIds =
      unitId !== undefined
        ? [(await this.units.getReadable(user, unitId)).id]
        : (await this.units.list(user, {})).map((unit) => unit.id);
    return this.plans.findByUnits(unitIds);
  }

  async get(user: TMe, id: string): Promise<TPlanDetail> {
    const plan = await this.readable(user, id);
    const targets = (await this.plans.targetsOf([id])).get(id) ?? [];
    const { targetCount: _count, ...rest } = plan;
    return { ...rest, targets, groups: groupTargets(targets, findIndicator) };
  }

  /** Saves a reviewed proposal as a draft plan of a unit the user may edit. */
  async create(user: TMe, input: TPlanCreate): Promise<TPlanDetail> {
    const unit = await this.units.getReadable(user, input.unitId);
    if (!canEditUnitData(user, unit)) throw forbidden(OUT_OF_SCOPE);
    this.checkPeriod(input.fromYear, input.toYear, input.targets);
    if (input.parentPlanId !== null) await this.parentExists(input.parentPlanId);
    const id = await this.dataSource.transaction(async (manager) => {
      const planId = await this.plans.insertWithTargets(
        { ...input, status: 'draft', isDemo: false, targets: input.targets.map(normaliseTarget) },
        manager,
      );
      await this.audit.append(
        {
          actorId: user.id,
          actorName: user.username,
          action: 'create',
          entity: 'plan',
          entityId: planId,
          after: { ...input, targets: input.targets.length },
        },
        manager,
      );
      return planId;
    });
    return this.get(user, id);
  }

  /**
   * Edits a plan (`targets`, when given, replace them). Commune staff edit their own unit's drafts;
   * an issued plan takes a reviewer in scope. A stale `version` gets 409 with the current plan.
   */
  async update(user: TMe, id: string, changes: TPlanUpdate): Promise<TPlanDetail> {
    const plan = await this.readable(user, id);
    const unit = await this.unitRef(plan);
    if (plan.status === 'issued' ? !canVerify(user, unit) : !canEditUnitData(user, unit)) {
      throw forbidden(
        plan.status === 'issued'
          ? 'Kế hoạch đã ban hành: chỉ chuyên viên thẩm định được sửa.'
          : OUT_OF_SCOPE,
      );
    }
    const { version, targets, phases, ...fields } = changes;
    this.checkPeriod(fields.fromYear ?? plan.fromYear, fields.toYear ?? plan.toYear, targets ?? []);
    if (fields.parentPlanId !== undefined && fields.parentPlanId !== null) {
      if (fields.parentPlanId === id)
        throw badRequest('Kế hoạch không thể là kế hoạch cấp trên của chính nó.');
      await this.parentExists(fields.parentPlanId);
    }
    await this.dataSource.transaction(async (manager) => {
      if (!(await this.plans.update(id, version, fields, manager)))
        throw await this.stale(user, id);
      if (phases !== undefined) await this.plans.replacePhases(id, phases, manager);
      if (targets !== undefined)
        await this.plans.replaceTargets(id, targets.map(normaliseTarget), manager);
      await this.audit.append(
        {
          actorId: user.id,
          actorName: user.username,
          action: 'update',
          entity: 'plan',
          entityId: id,
          before: plan,
          after: { ...changes, targets: targets?.length },
        },
        manager,
      );
    });
    return this.get(user, id);
  }

  /** Marks a draft plan issued (ban hành). */
  async issue(user: TMe, id: string, version: number): Promise<TPlanDetail> {
    const plan = await this.readable(user, id);
    if (!canEditUnitData(user, await this.unitRef(plan))) throw forbidden(OUT_OF_SCOPE);
    if (plan.status === 'issued')
      throw new AppError('invalid_state', 409, 'Kế hoạch đã được ban hành.');
    await this.dataSource.transaction(async (manager) => {
      if (!(await this.plans.update(id, version, { status: 'issued' }, manager)))
        throw await this.stale(user, id);
      await this.audit.append(
        {
          actorId: user.id,
          actorName: user.username,
          action: 'issue',
          entity: 'plan',
          entityId: id,
          before: { status: plan.status },
          after: { status: 'issued' },
        },
        manager,
      );
    });
    return this.get(user, id);
  }

  /** The plan's targets against its parent plan's: weaker ones and parent targets it lacks. */
  async cascade(
    user: TMe,
    id: string,
  ): Promise<{ planId: string; parentPlanId: string | null; issues: TCascadeIssue[] }> {
    const plan = await this.readable(user, id);
    if (plan.parentPlanId === null) return { planId: id, parentPlanId: null, issues: [] };
    const targets = await this.plans.targetsOf([id, plan.parentPlanId]);
    return {
      planId: id,
      parentPlanId: plan.parentPlanId,
      issues: checkCascade(
        targets.get(id) ?? [],
        targets.get(plan.parentPlanId) ?? [],
        findIndicator,
      ),
    };
  }

  private async readable(user: TMe, id: string): Promise<PlanRecord> {
    const plan = await this.plans.findById(id);
    if (!plan) throw notFound('Không tìm thấy kế hoạch.');
    if (!canReadUnit(user, await this.unitRef(plan))) throw forbidden(OUT_OF_SCOPE);
    return plan;
  }

  /** A parent plan (a province's or the national plan) is a public document: it only has to exist. */
  private async parentExists(id: string): Promise<void> {
    if (!(await this.plans.findById(id)))
      throw badRequest('Không tìm thấy kế hoạch cấp trên (parentPlanId).', [
        { path: 'parentPlanId', message: 'không tồn tại' },
      ]);
  }

  private async unitRef(plan: PlanRecord): Promise<TUnitRef> {
    const [unit] = await this.unitsRepository.refs({ ids: [plan.unitId] });
    return { id: plan.unitId, provinceCode: unit?.provinceCode ?? null };
  }

  private async stale(user: TMe, id: string): Promise<AppError> {
    return new AppError(
      'version_conflict',
      409,
      'Kế hoạch đã được người khác sửa. Hãy tải lại và sửa trên bản mới nhất.',
      { current: await this.get(user, id) },
    );
  }

  private checkPeriod(fromYear: number, toYear: number, targets: readonly TTargetInput[]): void {
    if (fromYear > toYear)
      throw badRequest('Năm bắt đầu phải trước năm kết thúc.', [
        { path: 'fromYear', message: 'sau toYear' },
      ]);
    const problems = targets.flatMap((target, index) => {
      const out: { path: string; message: string }[] = [];
      if (target.indicatorCode !== null && !findIndicator(target.indicatorCode))
        out.push({
          path: `targets.${index}.indicatorCode`,
          message: `không có trong danh mục: ${target.indicatorCode}`,
        });
      if (target.dueYear < fromYear)
        out.push({ path: `targets.${index}.dueYear`, message: 'trước năm bắt đầu của kế hoạch' });
      return out;
    });
    if (problems.length > 0)
      throw badRequest(
        `Chỉ tiêu không hợp lệ: ${problems.map((problem) => `${problem.path}: ${problem.message}`).join('; ')}`,
        problems,
      );
  }
}

function normaliseTarget(target: TTargetInput): TTargetInput {
  return { ...target, conflictGroup: target.conflictGroup ?? null, legacy: target.legacy ?? false };
}
