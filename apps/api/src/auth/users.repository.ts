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
