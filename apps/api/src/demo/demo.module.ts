import { Module } from '@nestjs/common';
import { RankingsModule } from '../rankings/rankings.module.js';
import { PlansModule } from '../plans/plans.module.js';
import { ResultsModule } from '../results/results.module.js';
import { SettingsModule } from '../settings/settings.module.js';
import { UnitsModule } from '../units/units.module.js';
import { DemoService } from './demo.service.js';

@Module({
  imports: [SettingsModule, UnitsModule, PlansModule, ResultsModule, RankingsModule],
  providers: [DemoService],
  exports: [DemoService],
})
export class DemoModule {}
