import { Global, Module } from '@nestjs/common';
import { ReadDatabase } from './read-database.js';

/** The read side of the database (a replica when DATABASE_READ_URL is set), for every module. */
@Global()
@Module({ providers: [ReadDatabase], exports: [ReadDatabase] })
export class DatabaseModule {}
