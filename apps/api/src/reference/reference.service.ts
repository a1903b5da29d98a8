import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { INDICATOR_CATALOG, type TIndicator, type TProvince } from '@commune-bench/domain';
import { PROVINCES } from './provinces.data.js';
import { ReferenceRepository } from './reference.repository.js';

/** The reference data the product ships (indicator catalog, provinces), made present at every start. */
@Injectable()
export class ReferenceService implements OnApplicationBootstrap {
  private readonly logger = new Logger('ReferenceData');

  constructor(private readonly repository: ReferenceRepository) {}

  async onApplicationBootstrap(): Promise<void> {
    const provinces = await this.repository.insertMissingProvinces(PROVINCES);
    const indicators = await this.repository.insertMissingIndicators(INDICATOR_CATALOG);
    if (provinces + indicators > 0)
      this.logger.log(`Reference data: ${provinces} provinces and ${indicators} indicators added`);
  }

  listIndicators(): Promise<TIndicator[]> {
    return this.repository.listIndicators();
  }

  listProvinces(): Promise<TProvince[]> {
    return this.repository.listProvinces();
  }
}
