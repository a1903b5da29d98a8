import { Body, Controller, Get, Param, Patch, Post, Query, UseGuards } from '@nestjs/common';
import {
  ZClassificationCreate,
  ZUnitCreate,
  ZUnitQuery,
  ZUnitUpdate,
  ZUuid,
  type TMe,
  type TUnitListItem,
  type TUnitWithClassifications,
} from '@commune-bench/domain';
import { AuthGuard, CurrentUser } from '../auth/auth.guard.js';
import { parseInput } from '../common/zod-parse.js';
import { UnitsService } from './units.service.js';

@Controller('units')
@UseGuards(AuthGuard)
export class UnitsController {
  constructor(private readonly units: UnitsService) {}

  @Get()
  list(@CurrentUser() user: TMe, @Query() query: unknown): Promise<TUnitListItem[]> {
    return this.units.list(user, parseInput(ZUnitQuery, query));
  }

  @Get(':id')
  get(@CurrentUser() user: TMe, @Param('id') id: string): Promise<TUnitWithClassifications> {
    return this.units.getReadable(user, parseInput(ZUuid, id));
  }

  @Post()
  create(@CurrentUser() user: TMe, @Body() body: unknown): Promise<TUnitWithClassifications> {
    return this.units.create(user, parseInput(ZUnitCreate, body));
  }

  @Patch(':id')
  update(
    @CurrentUser() user: TMe,
    @Param('id') id: string,
    @Body() body: unknown,
  ): Promise<TUnitWithClassifications> {
    return this.units.update(user, parseInput(ZUuid, id), parseInput(ZUnitUpdate, body));
  }

  @Post(':id/classifications')
  classify(
    @CurrentUser() user: TMe,
    @Param('id') id: string,
    @Body() body: unknown,
  ): Promise<TUnitWithClassifications> {
    return this.units.classify(
      user,
      parseInput(ZUuid, id),
      parseInput(ZClassificationCreate, body),
    );
  }
}
