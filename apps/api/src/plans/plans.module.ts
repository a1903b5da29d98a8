import { Module } from '@nestjs/common';
import { UnitsModule } from '../units/units.module.js';
import { PlansController } from './plans.controller.js';
import { PlansRepository } from './plans.repository.js';
import { PlanExtractionService } from './plan-extraction.service.js';
import { PlansService } from './plans.service.js';

@Module({
  imports: [UnitsModule],
  controllers: [PlansController],
  providers: [PlansRepository, PlansService, PlanExtractionService],
  exports: [PlansRepository, PlansService],
})
export class PlansModule {}
