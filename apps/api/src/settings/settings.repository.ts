import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';

@Injectable()
export class SettingsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async get<T>(
    key: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<T | undefined> {
    const rows: { value: T }[] = await manager.query(
      'SELECT value FROM app_settings WHERE key = $1',
      [key],
    );
    return rows[0]?.value;
  }

  async set(
    key: string,
    value: unknown,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<void> {
    await manager.query(
      'INSERT INTO app_settings (key, value) VALUES ($1, $2::jsonb) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value',
      [key, JSON.stringify(value)],
    );
  }

  /** Insert when absent and return what is stored: safe when several instances start at once. */
  async getOrInsert<T>(key: string, value: T): Promise<T> {
    await this.dataSource.query(
      'INSERT INTO app_settings (key, value) VALUES ($1, $2::jsonb) ON CONFLICT (key) DO NOTHING',
      [key, JSON.stringify(value)],
    );
    return (await this.get<T>(key)) as T;
  }
}
