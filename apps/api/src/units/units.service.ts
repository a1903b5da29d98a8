import { Injectable } from '@nestjs/common';
import {
  classificationForYear,
  compareVi,
  foldVi,
  type TUnitListItem,
  type TUnitQuery,
  type TUnitWithClassifications,
} from '@commune-bench/domain';
import { notFound } from '../common/app-error.js';
import { UnitsRepository } from './units.repository.js';

@Injectable()
export class UnitsService {
  constructor(private readonly units: UnitsRepository) {}

  /** Units matching the filters; `class` is judged by the classification valid in `year` (default: this year). */
  async list(query: TUnitQuery, today = new Date()): Promise<TUnitListItem[]> {
    const year = query.year ?? today.getUTCFullYear();
    const units = await this.units.find({
      province: query.province,
      type: query.type,
      foldedText: query.q === undefined ? undefined : foldVi(query.q.trim()),
    });
    return units
      .map((unit) => ({
        ...unit,
        year,
        classInYear: classificationForYear(unit.classifications, year)?.class ?? null,
      }))
      .filter((unit) => query.class === undefined || unit.classInYear === query.class)
      .sort((a, b) => compareVi(a.name, b.name) || a.id.localeCompare(b.id));
  }

  async get(id: string): Promise<TUnitWithClassifications> {
    const unit = await this.units.findById(id);
    if (!unit) throw notFound('Không tìm thấy đơn vị.');
    return unit;
  }
}
