import { Module } from '@nestjs/common';
import { RankingCache } from '../rankings/ranking-cache.js';
import { PlansModule } from '../plans/plans.module.js';
import { ResultsModule } from '../results/results.module.js';
import { SettingsModule } from '../settings/settings.module.js';
import { UnitsModule } from '../units/units.module.js';
import { DemoService } from './demo.service.js';

@Module({
  imports: [SettingsModule, UnitsModule, PlansModule, ResultsModule],
  // RankingCache is stateless (its entries are in Redis): a provider of its own here is the same cache.
  providers: [DemoService, RankingCache],
  exports: [DemoService],
})
export class DemoModule {}
