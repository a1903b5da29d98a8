import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { TRole } from '@commune-bench/domain';
import type { DataSource, EntityManager } from 'typeorm';

export interface UserRecord {
  id: string;
  username: string;
  displayName: string;
  passwordHash: string;
  role: TRole;
  scopeProvinces: 'all' | string[] | null;
  scopeUnitId: string | null;
  disabled: boolean;
}

interface UserRow {
  id: string;
  username: string;
  display_name: string;
  password_hash: string;
  role: TRole;
  scope_provinces: 'all' | string[] | null;
  scope_unit_id: string | null;
  disabled: boolean;
}

const toRecord = (row: UserRow): UserRecord => ({
  id: row.id,
  username: row.username,
  displayName: row.display_name,
  passwordHash: row.password_hash,
  role: row.role,
  scopeProvinces: row.scope_provinces,
  scopeUnitId: row.scope_unit_id,
  disabled: row.disabled,
});

@Injectable()
export class UsersRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async findByUsername(username: string): Promise<UserRecord | undefined> {
    const rows: UserRow[] = await this.dataSource.query('SELECT * FROM users WHERE username = $1', [
      username,
    ]);
    return rows[0] && toRecord(rows[0]);
  }

  async findById(id: string): Promise<UserRecord | undefined> {
    const rows: UserRow[] = await this.dataSource.query('SELECT * FROM users WHERE id = $1', [id]);
    return rows[0] && toRecord(rows[0]);
  }

  async count(manager: EntityManager = this.dataSource.manager): Promise<number> {
    const rows: { count: string }[] = await manager.query('SELECT count(*) AS count FROM users');
    return Number(rows[0]?.count ?? 0);
  }

  async list(): Promise<UserRecord[]> {
    const rows: UserRow[] = await this.dataSource.query('SELECT * FROM users ORDER BY username');
    return rows.map(toRecord);
  }

  async update(
    id: string,
    changes: Partial<Omit<UserRecord, 'id' | 'username'>>,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<void> {
    const columns: Record<string, [string, (value: unknown) => unknown]> = {
      displayName: ['display_name', (v) => v],
      passwordHash: ['password_hash', (v) => v],
      role: ['role', (v) => v],
      scopeProvinces: ['scope_provinces', (v) => (v === null ? null : JSON.stringify(v))],
      scopeUnitId: ['scope_unit_id', (v) => v],
      disabled: ['disabled', (v) => v],
    };
    const sets: string[] = [];
    const params: unknown[] = [id];
    for (const [key, [column, encode]] of Object.entries(columns)) {
      const value = (changes as Record<string, unknown>)[key];
      if (value === undefined) continue;
      params.push(encode(value));
      sets.push(`${column} = $${params.length}${column === 'scope_provinces' ? '::jsonb' : ''}`);
    }
    if (sets.length > 0)
      await manager.query(`UPDATE users SET ${sets.join(', ')} WHERE id = $1`, params);
  }

  async insert(
    user: Omit<UserRecord, 'id' | 'disabled'>,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<string> {
    const rows: { id: string }[] = await manager.query(
      `INSERT INTO users (username, display_name, password_hash, role, scope_provinces, scope_unit_id) VALUES ($1, $2, $3, $4, $5::jsonb, $6) RETURNING id`,
      [
        user.username,
        user.displayName,
        user.passwordHash,
        user.role,
        user.scopeProvinces === null ? null : JSON.stringify(user.scopeProvinces),
        user.scopeUnitId,
      ],
    );
    return rows[0]!.id;
  }
}
