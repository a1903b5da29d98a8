import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { TResultStatus } from '@commune-bench/domain';
import type { DataSource, EntityManager } from 'typeorm';

export interface NewResult {
  unitId: string;
  indicatorCode: string;
  period: string;
  value: number | null;
  status: TResultStatus;
  source: string | null;
  isDemo: boolean;
}

@Injectable()
export class ResultsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Bulk insert in one statement; an existing (unit, indicator, period) is an error, not an overwrite. */
  async insertMany(
    results: readonly NewResult[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<void> {
    const chunk = 5000;
    for (let start = 0; start < results.length; start += chunk) {
      const part = results.slice(start, start + chunk);
      await manager.query(
        `INSERT INTO results (unit_id, indicator_code, period, value, status, source, is_demo, evidence)
         SELECT u, i, p, v, s, src, d, '[]'::jsonb FROM unnest($1::uuid[], $2::varchar[], $3::varchar[], $4::float8[], $5::varchar[], $6::text[], $7::bool[]) AS t(u, i, p, v, s, src, d)`,
        [
          part.map((r) => r.unitId),
          part.map((r) => r.indicatorCode),
          part.map((r) => r.period),
          part.map((r) => r.value),
          part.map((r) => r.status),
          part.map((r) => r.source),
          part.map((r) => r.isDemo),
        ],
      );
    }
  }

  async count(manager: EntityManager = this.dataSource.manager): Promise<number> {
    const rows: { count: string }[] = await manager.query('SELECT count(*) AS count FROM results');
    return Number(rows[0]?.count ?? 0);
  }
}
