import { Module } from '@nestjs/common';
import { PlansModule } from '../plans/plans.module.js';
import { RankingsModule } from '../rankings/rankings.module.js';
import { UnitsModule } from '../units/units.module.js';
import { ComparisonsController } from './comparisons.controller.js';
import { ComparisonsService } from './comparisons.service.js';

@Module({
  imports: [UnitsModule, PlansModule, RankingsModule],
  controllers: [ComparisonsController],
  providers: [ComparisonsService],
  exports: [ComparisonsService],
})
export class ComparisonsModule {}
