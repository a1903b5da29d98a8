import { Module } from '@nestjs/common';
import { PlansModule } from '../plans/plans.module.js';
import { ResultsModule } from '../results/results.module.js';
import { UnitsModule } from '../units/units.module.js';
import { RankingEngine } from './ranking-engine.service.js';
import { RankingsController } from './rankings.controller.js';
import { RankingsService } from './rankings.service.js';

@Module({
  imports: [UnitsModule, PlansModule, ResultsModule],
  controllers: [RankingsController],
  providers: [RankingEngine, RankingsService],
  exports: [RankingEngine, RankingsService],
})
export class RankingsModule {}
