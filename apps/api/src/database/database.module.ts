import { Global, Module } from '@nestjs/common';
import { DataChanges } from './data-changes.js';
import { ReadDatabase } from './read-database.js';

/**
 * The read side of the database (a replica when DATABASE_READ_URL is set) and the announcements of
 * committed data changes, for every module.
 */
@Global()
@Module({ providers: [ReadDatabase, DataChanges], exports: [ReadDatabase, DataChanges] })
export class DatabaseModule {}
