import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { TAuditEntry } from '@commune-bench/domain';
import type { DataSource, EntityManager } from 'typeorm';

export interface AuditEntry {
  actorId: string | null;
  actorName: string | null;
  action: string;
  entity: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
}

/** Append-only: the database rejects UPDATE and DELETE on audit_log. */
@Injectable()
export class AuditRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async append(entry: AuditEntry, manager: EntityManager = this.dataSource.manager): Promise<void> {
    await manager.query(
      `INSERT INTO audit_log (actor_id, actor_name, action, entity, entity_id, before, after) VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7::jsonb)`,
      [
        entry.actorId,
        entry.actorName,
        entry.action,
        entry.entity,
        entry.entityId,
        entry.before === undefined ? null : JSON.stringify(entry.before),
        entry.after === undefined ? null : JSON.stringify(entry.after),
      ],
    );
  }

  async find(filter: {
    entity?: string;
    entityId?: string;
    limit: number;
  }): Promise<TAuditEntry[]> {
    const rows: {
      id: string;
      at: Date;
      actor_id: string | null;
      actor_name: string | null;
      action: string;
      entity: string;
      entity_id: string;
      before: unknown;
      after: unknown;
    }[] = await this.dataSource.query(
      `SELECT * FROM audit_log WHERE ($1::varchar IS NULL OR entity = $1) AND ($2::text IS NULL OR entity_id = $2) ORDER BY id DESC LIMIT $3`,
      [filter.entity ?? null, filter.entityId ?? null, filter.limit],
    );
    return rows.map((row) => ({
      id: String(row.id),
      at: new Date(row.at).toISOString(),
      actorId: row.actor_id,
      actorName: row.actor_name,
      action: row.action,
      entity: row.entity,
      entityId: row.entity_id,
      before: row.before,
      after: row.after,
    }));
  }

  /** The unit an audited entity belongs to (for scope checks), or null. */
  async unitOf(
    entity: string,
    entityId: string,
  ): Promise<{ id: string; provinceCode: string | null } | null> {
    const sql: Record<string, string> = {
      unit: 'SELECT id, province_code FROM units WHERE id::text = $1',
      classification: 'SELECT id, province_code FROM units WHERE id::text = $1',
      plan: 'SELECT u.id, u.province_code FROM plans p JOIN units u ON u.id = p.unit_id WHERE p.id::text = $1',
      result:
        'SELECT u.id, u.province_code FROM results r JOIN units u ON u.id = r.unit_id WHERE r.id::text = $1',
    };
    const query = sql[entity];
    if (!query) return null;
    const rows: { id: string; province_code: string | null }[] = await this.dataSource.query(
      query,
      [entityId],
    );
    return rows[0] ? { id: rows[0].id, provinceCode: rows[0].province_code } : null;
  }

  /** Failed logins of a username since its last successful one and within the window. */
  async loginFailures(
    username: string,
    windowMinutes: number,
  ): Promise<{ count: number; lastAt: Date | null }> {
    const rows: { count: string; last_at: Date | null }[] = await this.dataSource.query(
      `SELECT count(*) AS count, max(at) AS last_at FROM audit_log
       WHERE entity = 'auth' AND entity_id = $1 AND action = 'login_failed' AND at > now() - make_interval(mins => $2)
         AND at > COALESCE((SELECT max(at) FROM audit_log WHERE entity = 'auth' AND entity_id = $1 AND action = 'login'), '-infinity')`,
      [username, windowMinutes],
    );
    return {
      count: Number(rows[0]?.count ?? 0),
      lastAt: rows[0]?.last_at ? new Date(rows[0].last_at) : null,
    };
  }
}
