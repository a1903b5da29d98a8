import { Controller, Get, Res } from '@nestjs/common';
import type { THealth } from '@commune-bench/domain';
import type { Response } from 'express';
import { HealthService } from './health.service.js';

@Controller('health')
export class HealthController {
  constructor(private readonly health: HealthService) {}

  /** 200 when the database answers, 503 otherwise. */
  @Get()
  async get(@Res({ passthrough: true }) response: Response): Promise<THealth> {
    const health = await this.health.check();
    if (health.database === 'down') response.status(503);
    return health;
  }
}
