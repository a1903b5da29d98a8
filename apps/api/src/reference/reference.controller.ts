import { Controller, Get } from '@nestjs/common';
import type { TIndicator, TProvince } from '@commune-bench/domain';
import { ReferenceService } from './reference.service.js';

@Controller()
export class ReferenceController {
  constructor(private readonly reference: ReferenceService) {}

  @Get('indicators')
  indicators(): Promise<TIndicator[]> {
    return this.reference.listIndicators();
  }

  @Get('provinces')
  provinces(): Promise<TProvince[]> {
    return this.reference.listProvinces();
  }
}
