import { Module } from '@nestjs/common';
import { ResultsRepository } from './results.repository.js';

@Module({ providers: [ResultsRepository], exports: [ResultsRepository] })
export class ResultsModule {}
