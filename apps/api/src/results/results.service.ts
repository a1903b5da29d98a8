import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  canEditUnitData,
  canVerify,
  findIndicator,
  type TMe,
  type TResultImportReport,
  type TResultQuery,
  type TResultStatus,
  type TResultUpsert,
  type TResultView,
  type TUnitRef,
} from '@commune-bench/domain';
import type { DataSource } from 'typeorm';
import { AuditRepository } from '../audit/audit.repository.js';
import { AppError, badRequest, forbidden, notFound } from '../common/app-error.js';
import { UnitsRepository } from '../units/units.repository.js';
import { OUT_OF_SCOPE, UnitsService } from '../units/units.service.js';
import { parseResultsFile, ResultsFileError } from './import/results-file.parser.js';
import { ResultsRepository } from './results.repository.js';

type Transition = 'submit' | 'verify' | 'return';

const TRANSITIONS: Record<
  Transition,
  { from: TResultStatus[]; to: TResultStatus; reviewer: boolean; wrongState: string }
> = {
  submit: {
    from: ['draft', 'returned'],
    to: 'submitted',
    reviewer: false,
    wrongState: 'Chỉ gửi được kết quả đang soạn hoặc bị trả lại.',
  },
  verify: {
    from: ['submitted'],
    to: 'verified',
    reviewer: true,
    wrongState: 'Chỉ thẩm định được kết quả đã gửi.',
  },
  return: {
    from: ['submitted', 'verified'],
    to: 'returned',
    reviewer: true,
    wrongState: 'Chỉ trả lại được kết quả đã gửi hoặc đã thẩm định.',
  },
};

@Injectable()
export class ResultsService {
  constructor(
    private readonly results: ResultsRepository,
    private readonly units: UnitsService,
    private readonly unitsRepository: UnitsRepository,
    private readonly audit: AuditRepository,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /** Results of the units the user may read (their own unit for commune staff). */
  async list(user: TMe, query: TResultQuery): Promise<TResultView[]> {
    const unitIds =
      query.unitId !== undefined
        ? [(await this.units.getReadable(user, query.unitId)).id]
        : (await this.units.list(user, {})).map((unit) => unit.id);
    return this.results.find({
      unitIds,
      indicatorCodes: query.indicator === undefined ? undefined : [query.indicator],
      period: query.period,
      status: query.status,
    });
  }

  /**
   * Creates a draft or changes a value. Commune staff change their own unit's drafts and returned
   * results; a submitted or verified result takes a reviewer in scope (a correction of a verified one
   * is audited as such). A stale `version` gets 409 with the current result.
   */
  async upsert(
    user: TMe,
    input: TResultUpsert,
  ): Promise<{ result: TResultView; created: boolean }> {
    const unit = await this.units.getReadable(user, input.unitId);
    if (!canEditUnitData(user, unit)) throw forbidden(OUT_OF_SCOPE);
    if (!findIndicator(input.indicatorCode))
      throw badRequest(`Mã chỉ số không có trong danh mục: ${input.indicatorCode}`, [
        { path: 'indicatorCode', message: 'không có trong danh mục' },
      ]);
    const write = {
      value: input.value,
      numerator: input.numerator ?? null,
      denominator: input.denominator ?? null,
      source: input.source ?? null,
      evidence: input.evidence ?? [],
    };
    return this.dataSource.transaction(async (manager) => {
      const current = await this.results.findByKey(
        input.unitId,
        input.indicatorCode,
        input.period,
        manager,
      );
      if (!current) {
        if (input.version !== undefined) throw conflict(null);
        const created = await this.results.insertDraft(input, write, manager);
        if (!created)
          throw conflict(
            (await this.results.findByKey(input.unitId, input.indicatorCode, input.period)) ?? null,
          );
        await this.audit.append(
          {
            actorId: user.id,
            actorName: user.username,
            action: 'create',
            entity: 'result',
            entityId: created.id,
            after: created,
          },
          manager,
        );
        return { result: created, created: true };
      }
      if (input.version === undefined)
        throw badRequest('Kết quả đã có: cần gửi kèm version đã đọc để sửa.', [
          { path: 'version', message: 'bắt buộc khi sửa' },
        ]);
      const locked = current.status === 'submitted' || current.status === 'verified';
      if (locked && !canVerify(user, unit)) {
        throw new AppError(
          'result_locked',
          409,
          current.status === 'verified'
            ? 'Kết quả đã được thẩm định và bị khóa.'
            : 'Kết quả đã gửi thẩm định; chờ thẩm định hoặc trả lại để sửa.',
          { current },
        );
      }
      const updated = await this.results.updateValue(
        current.id,
        input.version,
        { ...write, ...(current.status === 'verified' ? { verifiedBy: user.id } : {}) },
        manager,
      );
      // Stale: answer with the value stored now (the other writer has committed), not the one read before.
      if (!updated) throw conflict((await this.results.findById(current.id, manager)) ?? current);
      await this.audit.append(
        {
          actorId: user.id,
          actorName: user.username,
          action: current.status === 'verified' ? 'correct_verified' : 'update',
          entity: 'result',
          entityId: current.id,
          before: current,
          after: updated,
        },
        manager,
      );
      return { result: updated, created: false };
    });
  }

  async transition(
    user: TMe,
    id: string,
    kind: Transition,
    body: { reason?: string; version?: number },
  ): Promise<TResultView> {
    const rule = TRANSITIONS[kind];
    const current = await this.results.findById(id);
    if (!current) throw notFound('Không tìm thấy kết quả.');
    const unit: TUnitRef = await this.units.getReadable(user, current.unitId);
    if (rule.reviewer ? !canVerify(user, unit) : !canEditUnitData(user, unit)) {
      throw forbidden(
        rule.reviewer
          ? 'Chỉ chuyên viên thẩm định trong phạm vi được thẩm định hoặc trả lại kết quả.'
          : OUT_OF_SCOPE,
      );
    }
    if (!rule.from.includes(current.status))
      throw new AppError('invalid_state', 409, rule.wrongState, { current });
    if (kind === 'submit' && current.value === null)
      throw new AppError('invalid_state', 409, 'Chưa có giá trị: không gửi được.', { current });
    return this.dataSource.transaction(async (manager) => {
      const changed = await this.results.transition(
        id,
        rule.from,
        rule.to,
        { by: user.id, reason: body.reason, version: body.version },
        manager,
      );
      if (!changed) throw conflict((await this.results.findById(id)) ?? null);
      await this.audit.append(
        {
          actorId: user.id,
          actorName: user.username,
          action: kind,
          entity: 'result',
          entityId: id,
          before: { status: current.status },
          after: { status: changed.status, reason: body.reason ?? null },
        },
        manager,
      );
      return changed;
    });
  }

  /**
   * A CSV or XLSX file of results: every row is checked first (format, catalog, unit codes, scope,
   * locked results); any bad row → nothing is written and every bad row is reported. Otherwise all
   * rows are written as drafts in one transaction.
   */
  async import(
    user: TMe,
    file: { buffer: Buffer; originalname: string; mimetype?: string },
    progress: (percent: number) => Promise<void> = () => Promise.resolve(),
  ): Promise<TResultImportReport> {
    let parsed: Awaited<ReturnType<typeof parseResultsFile>>;
    try {
      parsed = await parseResultsFile({
        buffer: file.buffer,
        filename: file.originalname,
        mimetype: file.mimetype,
      });
    } catch (error) {
      if (error instanceof ResultsFileError)
        throw new AppError(
          error.code,
          error.code === 'unsupported_type' ? 415 : error.code === 'too_many_rows' ? 413 : 422,
          error.message,
        );
      throw error;
    }
    await progress(40);
    const errors = [...parsed.errors];
    const codes = [...new Set(parsed.rows.map((row) => row.unitCode))];
    const units = new Map(
      (await this.unitsRepository.refs({ codes })).map((unit) => [unit.code, unit]),
    );
    const writes: ({ row: number; unitId: string; indicatorCode: string; period: string } & {
      value: number | null;
      numerator: number | null;
      denominator: number | null;
      source: string | null;
      evidence: string[];
    })[] = [];
    for (const row of parsed.rows) {
      const unit = units.get(row.unitCode);
      if (!unit) {
        errors.push({
          row: row.row,
          column: 'unitCode',
          reason: `Không có đơn vị mã "${row.unitCode}".`,
        });
        continue;
      }
      if (!canEditUnitData(user, { id: unit.id, provinceCode: unit.provinceCode })) {
        errors.push({
          row: row.row,
          column: 'unitCode',
          reason: `Đơn vị "${row.unitCode}" nằm ngoài phạm vi của bạn.`,
        });
        continue;
      }
      writes.push({
        row: row.row,
        unitId: unit.id,
        indicatorCode: row.indicatorCode,
        period: row.period,
        value: row.value,
        numerator: row.numerator,
        denominator: row.denominator,
        source: row.source,
        evidence: [],
      });
    }
    await progress(60);
    return this.dataSource.transaction(async (manager) => {
      const reject = async (
        keys: readonly { unitId: string; indicatorCode: string; period: string }[],
      ): Promise<never> => {
        // Submitted and verified results are not overwritten: each such row is reported too.
        const locked = await this.results.findKeys(keys, manager);
        const lockedKeys = new Map(
          locked
            .filter((key) => key.status === 'submitted' || key.status === 'verified')
            .map((key) => [`${key.unitId}|${key.indicatorCode}|${key.period}`, key.status]),
        );
        for (const write of writes) {
          const status = lockedKeys.get(`${write.unitId}|${write.indicatorCode}|${write.period}`);
          if (status)
            errors.push({
              row: write.row,
              reason:
                status === 'verified'
                  ? 'Kết quả đã được thẩm định và bị khóa.'
                  : 'Kết quả đã gửi thẩm định, không ghi đè được.',
            });
        }
        errors.sort((a, b) => a.row - b.row);
        if (writes.length === 0 && errors.length === 0)
          throw new AppError('empty_file', 422, 'Tệp không có dòng dữ liệu nào.');
        // Thrown inside the transaction: anything written is rolled back.
        throw new AppError(
          'import_rejected',
          422,
          `Tệp có ${errors.length} dòng lỗi; chưa ghi dòng nào. Sửa các dòng lỗi rồi tải lại.`,
          { errors },
        );
      };
      if (errors.length > 0 || writes.length === 0) return reject(writes);
      // The upsert leaves locked results as they are and says which: only those are looked up.
      const { created, updated, skipped } = await this.results.upsertDrafts(writes, manager);
      if (skipped.length > 0) return reject(skipped);
      await this.audit.append(
        {
          actorId: user.id,
          actorName: user.username,
          action: 'import',
          entity: 'result',
          entityId: file.originalname.slice(0, 100),
          after: { rows: writes.length, created, updated },
        },
        manager,
      );
      return { imported: writes.length, created, updated, errors: [] };
    });
  }
}

function conflict(current: TResultView | null): AppError {
  return new AppError(
    'version_conflict',
    409,
    'Kết quả đã được người khác thay đổi. Giá trị hiện tại được gửi kèm; hãy kiểm tra và lưu lại.',
    { current },
  );
}
