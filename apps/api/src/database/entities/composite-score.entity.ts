import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import type { UnitEntity } from './unit.entity.js';

/**
 * A unit's composite attainment score for one period, statuses counted and tie rule, as the domain
 * computed it from the data at `version` (score_versions). Kept so the composite ranking of every
 * unit does not evaluate every target again at each request: a write changes the versions of the
 * units whose score it can change, and only those are computed again.
 */
@Entity({ name: 'composite_scores' })
export class CompositeScoreEntity {
  @PrimaryColumn({ type: 'varchar', length: 7 })
  period: string;

  /** verified or submitted (ranking parameter `include`). */
  @PrimaryColumn({ type: 'varchar', length: 16 })
  include: string;

  @PrimaryColumn({ type: 'varchar', length: 16 })
  ties: string;

  @PrimaryColumn({ name: 'unit_id', type: 'uuid' })
  unitId: string;

  @ManyToOne('UnitEntity', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'unit_id' })
  unit?: Relation<UnitEntity>;

  /** The domain's rules the score was computed by (COMPOSITE_RULES_VERSION). */
  @Column({ type: 'smallint' })
  rules: number;

  @Column({ type: 'bigint' })
  version: string;

  /** null: no target due that year with data (the ranking lists the unit apart, no_data). */
  @Column({ type: 'double precision', nullable: true })
  score: number | null;

  @Column({ name: 'computed_at', type: 'timestamptz', default: () => 'now()' })
  computedAt: Date;
}
