import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { COMPOSITE_RULES_VERSION } from '@commune-bench/domain';
import type { DataSource, EntityManager } from 'typeorm';

/** Which composite a score is: the period, the statuses counted (joined by '+') and the tie rule. */
export interface CompositeScoreKey {
  period: string;
  include: string;
  ties: string;
}

export interface StoredScore {
  /** The unit's score version now (score_versions; 1 when it never changed). */
  version: string;
  /** A score stored for this version and this build's rules: it can be served as it is. */
  current: boolean;
  score: number | null;
}

/**
 * The composite attainment scores kept in PostgreSQL (composite_scores), valid while their unit's
 * score version is the one they were computed at: the migration's triggers bump it on every write
 * that can change the score.
 */
@Injectable()
export class CompositeScoresRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Each unit's version and, where there is one for that version, its stored score: read in one
   * statement, before any of the data a missing score is computed from, so a score computed from
   * newer data than its version says is never served (it is stored under the older version).
   */
  async find(
    key: CompositeScoreKey,
    unitIds: readonly string[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Map<string, StoredScore>> {
    const rows: { unit_id: string; version: string; score: number | null; current: boolean }[] =
      await manager.query(
        `SELECT u.id AS unit_id, COALESCE(v.version, 1)::text AS version, s.score, s.unit_id IS NOT NULL AS current
           FROM unnest($1::uuid[]) AS u(id)
           LEFT JOIN score_versions v ON v.unit_id = u.id
           LEFT JOIN composite_scores s
             ON s.period = $2 AND s.include = $3 AND s.ties = $4 AND s.unit_id = u.id
            AND s.version = COALESCE(v.version, 1) AND s.rules = $5`,
        [unitIds, key.period, key.include, key.ties, COMPOSITE_RULES_VERSION],
      );
    return new Map(
      rows.map((row) => [
        row.unit_id,
        { version: row.version, current: row.current, score: row.score },
      ]),
    );
  }

  /**
   * Stores scores computed at the given versions; never replaces a score of a newer version or of
   * newer rules (two instances computing at once, an older build during a rolling deploy). Always on
   * the primary, also when the scores were read from a replica.
   */
  async save(
    key: CompositeScoreKey,
    scores: readonly { unitId: string; version: string; score: number | null }[],
  ): Promise<void> {
    if (scores.length === 0) return;
    await this.dataSource.query(
      `INSERT INTO composite_scores (period, include, ties, unit_id, rules, version, score)
       SELECT $1, $2, $3, u, $4, v, s FROM unnest($5::uuid[], $6::bigint[], $7::float8[]) AS t(u, v, s)
       ON CONFLICT (period, include, ties, unit_id) DO UPDATE
          SET rules = EXCLUDED.rules, version = EXCLUDED.version, score = EXCLUDED.score, computed_at = now()
        WHERE (composite_scores.rules, composite_scores.version) < (EXCLUDED.rules, EXCLUDED.version)`,
      [
        key.period,
        key.include,
        key.ties,
        COMPOSITE_RULES_VERSION,
        scores.map((s) => s.unitId),
        scores.map((s) => s.version),
        scores.map((s) => s.score),
      ],
    );
  }
}
