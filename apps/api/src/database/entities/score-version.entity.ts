import { Column, Entity, JoinColumn, OneToOne, PrimaryColumn, type Relation } from 'typeorm';
import type { UnitEntity } from './unit.entity.js';

/**
 * How many times the data a unit's attainment score depends on has changed: bumped by database
 * triggers (migration CompositeScores1764892800000) on every write to its results, plans and
 * targets, on writes to other units' results that its rank targets read, and on any change of units
 * or classes. No row means version 1. A stored score counts only while its version is the unit's.
 */
@Entity({ name: 'score_versions' })
export class ScoreVersionEntity {
  @PrimaryColumn({ name: 'unit_id', type: 'uuid' })
  unitId: string;

  @OneToOne('UnitEntity', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'unit_id' })
  unit?: Relation<UnitEntity>;

  @Column({ type: 'bigint', default: 1 })
  version: string;
}
