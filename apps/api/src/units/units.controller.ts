import { Controller, Get, Param, Query } from '@nestjs/common';
import {
  ZUnitQuery,
  type TUnitListItem,
  type TUnitWithClassifications,
} from '@commune-bench/domain';
import { z } from 'zod';
import { parseInput } from '../common/zod-parse.js';
import { UnitsService } from './units.service.js';

const ZUnitId = z.uuid('mã đơn vị không hợp lệ');

@Controller('units')
export class UnitsController {
  constructor(private readonly units: UnitsService) {}

  @Get()
  list(@Query() query: unknown): Promise<TUnitListItem[]> {
    return this.units.list(parseInput(ZUnitQuery, query));
  }

  @Get(':id')
  get(@Param('id') id: string): Promise<TUnitWithClassifications> {
    return this.units.get(parseInput(ZUnitId, id));
  }
}
