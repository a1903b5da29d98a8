/**
 * Developer tool: prints the SQL that would bring the database at the given URL in line with the
 * entities, after applying the existing migrations. Paste it into a new migration.
 *   node apps/api/dist/database/draft-migration.js postgres://postgres@127.0.0.1:5432/scratch
 */
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source-options.js';
import { pendingSchemaChanges } from './schema-diff.js';

const url = process.argv[2];
if (!url) {
  console.error('usage: node draft-migration.js <postgres-url-of-a-scratch-database>');
  process.exit(2);
}
const dataSource = new DataSource(dataSourceOptions({ url }));
await dataSource.initialize();
await dataSource.runMigrations();
for (const query of await pendingSchemaChanges(dataSource)) console.log(`${query};`);
await dataSource.destroy();
