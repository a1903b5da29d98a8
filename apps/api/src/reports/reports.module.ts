import { Module } from '@nestjs/common';
import { ComparisonsModule } from '../comparisons/comparisons.module.js';
import { RankingsModule } from '../rankings/rankings.module.js';
import { ReferenceModule } from '../reference/reference.module.js';
import { UnitsModule } from '../units/units.module.js';
import { ReportsController } from './reports.controller.js';
import { ReportsService } from './reports.service.js';

@Module({
  imports: [RankingsModule, ComparisonsModule, UnitsModule, ReferenceModule],
  controllers: [ReportsController],
  providers: [ReportsService],
  exports: [ReportsService],
})
export class ReportsModule {}
