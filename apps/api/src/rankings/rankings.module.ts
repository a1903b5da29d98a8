import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { PlansModule } from '../plans/plans.module.js';
import { ResultsModule } from '../results/results.module.js';
import { UnitsModule } from '../units/units.module.js';
import { CompositeScoresRepository } from './composite-scores.repository.js';
import { InvalidateRankingsOnWrite, RankingCache } from './ranking-cache.js';
import { RankingEngine } from './ranking-engine.service.js';
import { RankingsController } from './rankings.controller.js';
import { RankingsService } from './rankings.service.js';

@Module({
  imports: [UnitsModule, PlansModule, ResultsModule],
  controllers: [RankingsController],
  providers: [
    RankingEngine,
    CompositeScoresRepository,
    RankingsService,
    RankingCache,
    { provide: APP_INTERCEPTOR, useClass: InvalidateRankingsOnWrite },
  ],
  exports: [RankingEngine, RankingsService, RankingCache],
})
export class RankingsModule {}
