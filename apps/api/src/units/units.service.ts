import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  canAdminister,
  canReadUnit,
  classificationForYear,
  compareVi,
  foldVi,
  provincesInScope,
  type TClassificationCreate,
  type TMe,
  type TUnitCreate,
  type TUnitListItem,
  type TUnitQuery,
  type TUnitUpdate,
  type TUnitWithClassifications,
} from '@commune-bench/domain';
import type { DataSource } from 'typeorm';
import { AuditRepository } from '../audit/audit.repository.js';
import { AppError, forbidden, notFound } from '../common/app-error.js';
import { UnitsRepository } from './units.repository.js';

export const OUT_OF_SCOPE = 'Đơn vị này nằm ngoài phạm vi được giao cho tài khoản của bạn.';

@Injectable()
export class UnitsService {
  constructor(
    private readonly units: UnitsRepository,
    private readonly audit: AuditRepository,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /**
   * Units in the user's scope matching the filters; `class` is judged by the classification valid in
   * `year` (default: this year). Commune staff see their own unit.
   */
  async list(user: TMe, query: TUnitQuery, today = new Date()): Promise<TUnitListItem[]> {
    const year = query.year ?? today.getUTCFullYear();
    const scope = provincesInScope(user);
    if (user.role === 'commune_staff' && user.scope.unitId === null) return [];
    const units = await this.units.find({
      province: query.province,
      // Reviewers: their provinces; commune staff: their unit (below), whatever its province.
      provinces: scope === 'all' || user.role === 'commune_staff' ? undefined : scope,
      type: query.type,
      foldedText: query.q === undefined ? undefined : foldVi(query.q.trim()),
      ids:
        user.role === 'commune_staff' && user.scope.unitId !== null
          ? [user.scope.unitId]
          : undefined,
    });
    return units
      .filter((unit) => canReadUnit(user, unit))
      .map((unit) => ({
        ...unit,
        year,
        classInYear: classificationForYear(unit.classifications, year)?.class ?? null,
      }))
      .filter((unit) => query.class === undefined || unit.classInYear === query.class)
      .sort((a, b) => compareVi(a.name, b.name) || a.id.localeCompare(b.id));
  }

  /** A unit the user may read, or 404 / 403. */
  async getReadable(user: TMe, id: string): Promise<TUnitWithClassifications> {
    return (await this.getAllReadable(user, [id]))[0]!;
  }

  /**
   * Units the user may read, in the order of `ids` (read together): 404 for the first that does not
   * exist, 403 for the first out of scope.
   */
  async getAllReadable(user: TMe, ids: readonly string[]): Promise<TUnitWithClassifications[]> {
    const found = new Map((await this.units.find({ ids })).map((unit) => [unit.id, unit]));
    return ids.map((id) => {
      const unit = found.get(id);
      if (!unit) throw notFound('Không tìm thấy đơn vị.');
      if (!canReadUnit(user, unit)) throw forbidden(OUT_OF_SCOPE);
      return unit;
    });
  }

  async create(user: TMe, input: TUnitCreate): Promise<TUnitWithClassifications> {
    if (!canAdminister(user)) throw forbidden('Chỉ quản trị viên được thêm đơn vị.');
    if (await this.units.codeExists(input.code))
      throw new AppError('conflict', 409, `Mã đơn vị "${input.code}" đã tồn tại.`);
    if (input.provinceCode !== null && !(await this.units.provinceExists(input.provinceCode))) {
      throw new AppError(
        'validation_failed',
        400,
        `Không có tỉnh/thành mã "${input.provinceCode}".`,
        [{ path: 'provinceCode', message: 'không tồn tại' }],
      );
    }
    const id = await this.dataSource.transaction(async (manager) => {
      const unitId = await this.units.insert(
        { ...input, nameFolded: foldVi(input.name), isDemo: false },
        manager,
      );
      if (input.mergedIntoId !== null)
        await this.units.update(unitId, { mergedIntoId: input.mergedIntoId }, manager);
      await this.audit.append(
        {
          actorId: user.id,
          actorName: user.username,
          action: 'create',
          entity: 'unit',
          entityId: unitId,
          after: input,
        },
        manager,
      );
      return unitId;
    });
    return this.getReadable(user, id);
  }

  async update(user: TMe, id: string, changes: TUnitUpdate): Promise<TUnitWithClassifications> {
    if (!canAdminister(user)) throw forbidden('Chỉ quản trị viên được sửa đơn vị.');
    const before = await this.getReadable(user, id);
    if (
      changes.provinceCode !== undefined &&
      changes.provinceCode !== null &&
      !(await this.units.provinceExists(changes.provinceCode))
    ) {
      throw new AppError(
        'validation_failed',
        400,
        `Không có tỉnh/thành mã "${changes.provinceCode}".`,
        [{ path: 'provinceCode', message: 'không tồn tại' }],
      );
    }
    await this.dataSource.transaction(async (manager) => {
      await this.units.update(
        id,
        { ...changes, ...(changes.name === undefined ? {} : { nameFolded: foldVi(changes.name) }) },
        manager,
      );
      await this.audit.append(
        {
          actorId: user.id,
          actorName: user.username,
          action: 'update',
          entity: 'unit',
          entityId: id,
          before,
          after: changes,
        },
        manager,
      );
    });
    return this.getReadable(user, id);
  }

  /** A dated class decision; the one in force until then ends the day before. */
  async classify(
    user: TMe,
    id: string,
    input: TClassificationCreate,
  ): Promise<TUnitWithClassifications> {
    if (!canAdminister(user)) throw forbidden('Chỉ quản trị viên được thay đổi phân loại đơn vị.');
    const before = await this.getReadable(user, id);
    await this.dataSource.transaction(async (manager) => {
      await this.units.replaceClassification(
        {
          unitId: id,
          class: input.class,
          basis: input.basis,
          decisionNo: input.decisionNo,
          validFrom: input.validFrom,
          validTo: null,
        },
        manager,
      );
      await this.audit.append(
        {
          actorId: user.id,
          actorName: user.username,
          action: 'classify',
          entity: 'classification',
          entityId: id,
          before: before.classifications,
          after: input,
        },
        manager,
      );
    });
    return this.getReadable(user, id);
  }
}
