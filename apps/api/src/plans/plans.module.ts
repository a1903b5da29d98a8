import { Module } from '@nestjs/common';
import { PlansRepository } from './plans.repository.js';

@Module({ providers: [PlansRepository], exports: [PlansRepository] })
export class PlansModule {}
