import { Module } from '@nestjs/common';
import { UnitsModule } from '../units/units.module.js';
import { ResultsController } from './results.controller.js';
import { ResultsRepository } from './results.repository.js';
import { ResultsService } from './results.service.js';

@Module({
  imports: [UnitsModule],
  controllers: [ResultsController],
  providers: [ResultsRepository, ResultsService],
  exports: [ResultsRepository, ResultsService],
})
export class ResultsModule {}
