import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { returnedRows } from '../database/returned-rows.js';

@Injectable()
export class RefreshTokensRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(
    userId: string,
    tokenHash: string,
    expiresAt: Date,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<void> {
    await manager.query(
      'INSERT INTO refresh_tokens (user_id, token_hash, expires_at) VALUES ($1, $2, $3)',
      [userId, tokenHash, expiresAt],
    );
  }

  /**
   * Marks a token used (revoked) and returns its user when it was valid; a token already used or
   * expired returns its state so the caller can react to a replay.
   */
  async consume(
    tokenHash: string,
    manager: EntityManager,
  ): Promise<{ userId: string; state: 'valid' | 'reused' | 'expired' } | undefined> {
    const rows = returnedRows<{ user_id: string; was_revoked: boolean; expired: boolean }>(
      await manager.query(
        `UPDATE refresh_tokens t SET revoked_at = COALESCE(t.revoked_at, now())
         FROM (SELECT id, revoked_at IS NOT NULL AS was_revoked, expires_at < now() AS expired FROM refresh_tokens WHERE token_hash = $1 FOR UPDATE) old
         WHERE t.id = old.id RETURNING t.user_id, old.was_revoked, old.expired`,
        [tokenHash],
      ),
    );
    const row = rows[0];
    if (!row) return undefined;
    return {
      userId: row.user_id,
      state: row.was_revoked ? 'reused' : row.expired ? 'expired' : 'valid',
    };
  }

  async revokeAll(userId: string, manager: EntityManager = this.dataSource.manager): Promise<void> {
    await manager.query(
      'UPDATE refresh_tokens SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL',
      [userId],
    );
  }
}
