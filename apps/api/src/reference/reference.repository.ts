import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { TIndicator, TProvince } from '@commune-bench/domain';
import type { DataSource, EntityManager } from 'typeorm';

@Injectable()
export class ReferenceRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Adds catalog entries the database lacks; entries an admin changed are left as they are. */
  async insertMissingIndicators(
    indicators: readonly TIndicator[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<number> {
    let inserted = 0;
    for (const [position, indicator] of indicators.entries()) {
      const rows: unknown[] = await manager.query(
        `INSERT INTO indicators (code, area, name_vi, name_en, unit, direction, precision, aliases, is_index, position)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9, $10) ON CONFLICT (code) DO NOTHING RETURNING code`,
        [
          indicator.code,
          indicator.area,
          indicator.nameVi,
          indicator.nameEn,
          indicator.unit,
          indicator.direction,
          indicator.precision,
          JSON.stringify(indicator.aliases),
          indicator.isIndex,
          position,
        ],
      );
      inserted += rows.length;
    }
    return inserted;
  }

  async insertMissingProvinces(
    provinces: readonly TProvince[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<number> {
    let inserted = 0;
    // Current provinces first: former ones point at them.
    const ordered = [...provinces].sort(
      (a, b) => Number(a.mergedInto !== null) - Number(b.mergedInto !== null),
    );
    for (const province of ordered) {
      const rows: unknown[] = await manager.query(
        `INSERT INTO provinces (code, name, kind, valid_from, valid_to, merged_into) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (code) DO NOTHING RETURNING code`,
        [
          province.code,
          province.name,
          province.kind,
          province.validFrom,
          province.validTo,
          province.mergedInto,
        ],
      );
      inserted += rows.length;
    }
    return inserted;
  }

  async listIndicators(): Promise<TIndicator[]> {
    const rows: {
      code: string;
      area: string;
      name_vi: string;
      name_en: string;
      unit: string;
      direction: string;
      precision: number;
      aliases: string[];
      is_index: boolean;
    }[] = await this.dataSource.query(
      'SELECT code, area, name_vi, name_en, unit, direction, precision, aliases, is_index FROM indicators ORDER BY position, code',
    );
    return rows.map((row) => ({
      code: row.code,
      area: row.area as TIndicator['area'],
      nameVi: row.name_vi,
      nameEn: row.name_en,
      unit: row.unit as TIndicator['unit'],
      direction: row.direction as TIndicator['direction'],
      precision: row.precision,
      aliases: row.aliases,
      isIndex: row.is_index,
    }));
  }

  async listProvinces(): Promise<TProvince[]> {
    const rows: {
      code: string;
      name: string;
      kind: 'tinh' | 'thanh_pho';
      valid_from: string | null;
      valid_to: string | null;
      merged_into: string | null;
    }[] = await this.dataSource.query(
      `SELECT code, name, kind, to_char(valid_from, 'YYYY-MM-DD') AS valid_from, to_char(valid_to, 'YYYY-MM-DD') AS valid_to, merged_into FROM provinces ORDER BY valid_to NULLS FIRST, name`,
    );
    return rows.map((row) => ({
      code: row.code,
      name: row.name,
      kind: row.kind,
      validFrom: row.valid_from,
      validTo: row.valid_to,
      mergedInto: row.merged_into,
    }));
  }
}
