import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  TUnitClass,
  TUnitClassification,
  TUnitType,
  TUnitWithClassifications,
} from '@commune-bench/domain';
import type { DataSource, EntityManager } from 'typeorm';

interface UnitRow {
  id: string;
  code: string;
  name: string;
  type: string;
  province_code: string | null;
  parent_name: string | null;
  valid_from: string | null;
  valid_to: string | null;
  merged_into_id: string | null;
  is_demo: boolean;
  notes: string | null;
}

interface ClassificationRow {
  unit_id: string;
  class: string;
  basis: string | null;
  decision_no: string | null;
  valid_from: string;
  valid_to: string | null;
}

export interface UnitFilter {
  province?: string;
  /** Only units of these provinces (a reviewer's scope). */
  provinces?: readonly string[];
  type?: TUnitType;
  /** Only units of these types (a cohort's rule). */
  types?: readonly TUnitType[];
  /** Already folded (lower case, no diacritics). */
  foldedText?: string;
  ids?: readonly string[];
  /**
   * Only units with a classification of one of these classes at some time: the candidates of a
   * class-restricted cohort (no other unit is its member in any year; which year's class counts is
   * the domain's `cohortMembership`).
   */
  everInClasses?: readonly TUnitClass[];
}

export interface UnitRef {
  id: string;
  code: string;
  name: string;
  type: TUnitType;
  provinceCode: string | null;
  isDemo: boolean;
}

export interface NewUnit {
  code: string;
  name: string;
  nameFolded: string;
  type: TUnitType;
  provinceCode: string | null;
  parentName: string | null;
  validFrom: string | null;
  validTo: string | null;
  isDemo: boolean;
  notes: string | null;
}

const UNIT_COLUMNS = `u.id, u.code, u.name, u.type, u.province_code, u.parent_name,
  to_char(u.valid_from, 'YYYY-MM-DD') AS valid_from, to_char(u.valid_to, 'YYYY-MM-DD') AS valid_to,
  u.merged_into_id, u.is_demo, u.notes`;

@Injectable()
export class UnitsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async find(
    filter: UnitFilter,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<TUnitWithClassifications[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (filter.province !== undefined) {
      params.push(filter.province);
      where.push(`u.province_code = $${params.length}`);
    }
    if (filter.provinces !== undefined) {
      params.push(filter.provinces);
      where.push(`u.province_code = ANY($${params.length}::varchar[])`);
    }
    if (filter.type !== undefined) {
      params.push(filter.type);
      where.push(`u.type = $${params.length}`);
    }
    if (filter.types !== undefined) {
      params.push(filter.types);
      where.push(`u.type = ANY($${params.length}::varchar[])`);
    }
    if (filter.foldedText !== undefined && filter.foldedText !== '') {
      params.push(`%${escapeLike(filter.foldedText)}%`);
      where.push(`u.name_folded LIKE $${params.length} ESCAPE '\\'`);
    }
    if (filter.ids !== undefined) {
      params.push(filter.ids);
      where.push(`u.id = ANY($${params.length}::uuid[])`);
    }
    if (filter.everInClasses !== undefined) {
      params.push(filter.everInClasses);
      where.push(
        `EXISTS (SELECT 1 FROM unit_classifications c WHERE c.unit_id = u.id AND c.class = ANY($${params.length}::varchar[]))`,
      );
    }
    const units: UnitRow[] = await manager.query(
      `SELECT ${UNIT_COLUMNS} FROM units u ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY u.name, u.id`,
      params,
    );
    return this.withClassifications(units, manager);
  }

  async findById(id: string): Promise<TUnitWithClassifications | undefined> {
    const units: UnitRow[] = await this.dataSource.query(
      `SELECT ${UNIT_COLUMNS} FROM units u WHERE u.id = $1`,
      [id],
    );
    return (await this.withClassifications(units))[0];
  }

  /** Inserts a unit unless its code exists; returns the id either way. */
  async insert(unit: NewUnit, manager: EntityManager = this.dataSource.manager): Promise<string> {
    const inserted: { id: string }[] = await manager.query(
      `INSERT INTO units (code, name, name_folded, type, province_code, parent_name, valid_from, valid_to, is_demo, notes)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (code) DO NOTHING RETURNING id`,
      [
        unit.code,
        unit.name,
        unit.nameFolded,
        unit.type,
        unit.provinceCode,
        unit.parentName,
        unit.validFrom,
        unit.validTo,
        unit.isDemo,
        unit.notes,
      ],
    );
    if (inserted[0]) return inserted[0].id;
    const existing: { id: string }[] = await manager.query('SELECT id FROM units WHERE code = $1', [
      unit.code,
    ]);
    return existing[0]!.id;
  }

  async insertClassification(
    classification: TUnitClassification,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO unit_classifications (unit_id, class, basis, decision_no, valid_from, valid_to) VALUES ($1, $2, $3, $4, $5, $6)`,
      [
        classification.unitId,
        classification.class,
        classification.basis,
        classification.decisionNo,
        classification.validFrom,
        classification.validTo,
      ],
    );
  }

  async update(
    id: string,
    changes: Partial<Omit<NewUnit, 'code' | 'isDemo'>> & { mergedIntoId?: string | null },
    manager: EntityManager = this.dataSource.manager,
  ): Promise<void> {
    const columns: Record<string, string> = {
      name: 'name',
      nameFolded: 'name_folded',
      type: 'type',
      provinceCode: 'province_code',
      parentName: 'parent_name',
      validFrom: 'valid_from',
      validTo: 'valid_to',
      mergedIntoId: 'merged_into_id',
      notes: 'notes',
    };
    const sets: string[] = [];
    const params: unknown[] = [id];
    for (const [key, column] of Object.entries(columns)) {
      const value = (changes as Record<string, unknown>)[key];
      if (value === undefined) continue;
      params.push(value);
      sets.push(`${column} = $${params.length}`);
    }
    if (sets.length === 0) return;
    await manager.query(
      `UPDATE units SET ${sets.join(', ')}, updated_at = now() WHERE id = $1`,
      params,
    );
  }

  /** Closes the classification in force at `validFrom` the day before it, then records the new one. */
  async replaceClassification(
    classification: TUnitClassification,
    manager: EntityManager,
  ): Promise<void> {
    await manager.query(
      `UPDATE unit_classifications SET valid_to = ($2::date - 1)
       WHERE unit_id = $1 AND valid_from < $2::date AND (valid_to IS NULL OR valid_to >= $2::date)`,
      [classification.unitId, classification.validFrom],
    );
    await this.insertClassification(classification, manager);
  }

  /** Short references of units by id or by code (for scope checks and labels), without classifications. */
  async refs(by: { ids?: readonly string[]; codes?: readonly string[] }): Promise<UnitRef[]> {
    const rows: {
      id: string;
      code: string;
      name: string;
      type: TUnitType;
      province_code: string | null;
      is_demo: boolean;
    }[] = await this.dataSource.query(
      `SELECT id, code, name, type, province_code, is_demo FROM units
       WHERE ($1::uuid[] IS NULL OR id = ANY($1::uuid[])) AND ($2::varchar[] IS NULL OR code = ANY($2::varchar[]))`,
      [by.ids ?? null, by.codes ?? null],
    );
    return rows.map((row) => ({
      id: row.id,
      code: row.code,
      name: row.name,
      type: row.type,
      provinceCode: row.province_code,
      isDemo: row.is_demo,
    }));
  }

  /** The province codes among `codes` that do not exist. */
  async missingProvinces(codes: readonly string[]): Promise<string[]> {
    const rows: { code: string }[] = await this.dataSource.query(
      'SELECT code FROM provinces WHERE code = ANY($1::varchar[])',
      [codes],
    );
    return codes.filter((code) => !rows.some((row) => row.code === code));
  }

  async codeExists(code: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query('SELECT 1 FROM units WHERE code = $1', [
      code,
    ]);
    return rows.length > 0;
  }

  async provinceExists(code: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query('SELECT 1 FROM provinces WHERE code = $1', [
      code,
    ]);
    return rows.length > 0;
  }

  private async withClassifications(
    units: UnitRow[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<TUnitWithClassifications[]> {
    if (units.length === 0) return [];
    const classifications: ClassificationRow[] = await manager.query(
      `SELECT unit_id, class, basis, decision_no, to_char(valid_from, 'YYYY-MM-DD') AS valid_from, to_char(valid_to, 'YYYY-MM-DD') AS valid_to
       FROM unit_classifications WHERE unit_id = ANY($1::uuid[]) ORDER BY valid_from`,
      [units.map((unit) => unit.id)],
    );
    const byUnit = new Map<string, TUnitClassification[]>();
    for (const row of classifications) {
      const list = byUnit.get(row.unit_id) ?? [];
      list.push({
        unitId: row.unit_id,
        class: row.class as TUnitClassification['class'],
        basis: row.basis,
        decisionNo: row.decision_no,
        validFrom: row.valid_from,
        validTo: row.valid_to,
      });
      byUnit.set(row.unit_id, list);
    }
    return units.map((unit) => ({
      id: unit.id,
      code: unit.code,
      name: unit.name,
      type: unit.type as TUnitType,
      provinceCode: unit.province_code,
      parentName: unit.parent_name,
      validFrom: unit.valid_from,
      validTo: unit.valid_to,
      mergedIntoId: unit.merged_into_id,
      isDemo: unit.is_demo,
      notes: unit.notes,
      classifications: byUnit.get(unit.id) ?? [],
    }));
  }
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}
