import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  type Relation,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import type { IndicatorEntity } from './indicator.entity.js';
import type { UnitEntity } from './unit.entity.js';

@Entity({ name: 'results' })
// One result per (unit, indicator, period); the key's order puts a unit's period together, which is
// what imports (one period for many units) and a unit's own pages read (migration 1764979200000).
@Index('uq_results_unit_period_indicator', ['unitId', 'period', 'indicatorCode'], { unique: true })
@Index('idx_results_indicator_period_unit', ['indicatorCode', 'period', 'unitId'])
export class ResultEntity {
  /** Time-ordered (UUID version 7): new rows go to the primary key's last pages. */
  @PrimaryColumn({ type: 'uuid', default: () => 'uuid_v7()' })
  id: string;

  @Column({ name: 'unit_id', type: 'uuid' })
  unitId: string;

  @ManyToOne('UnitEntity', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'unit_id' })
  unit?: Relation<UnitEntity>;

  @Column({ name: 'indicator_code', type: 'varchar', length: 64 })
  indicatorCode: string;

  @ManyToOne('IndicatorEntity', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'indicator_code' })
  indicator?: Relation<IndicatorEntity>;

  /** 2025, 2025-H1, 2025-Q3, 2025-09 */
  @Column({ type: 'varchar', length: 7 })
  period: string;

  @Column({ type: 'double precision', nullable: true })
  value: number | null;

  @Column({ type: 'double precision', nullable: true })
  numerator: number | null;

  @Column({ type: 'double precision', nullable: true })
  denominator: number | null;

  @Column({ type: 'text', nullable: true })
  source: string | null;

  @Column({ type: 'jsonb' })
  evidence: string[];

  /** draft | submitted | verified | returned */
  @Column({ type: 'varchar', length: 16, default: 'draft' })
  status: string;

  @Column({ name: 'return_reason', type: 'text', nullable: true })
  returnReason: string | null;

  @Column({ name: 'submitted_by', type: 'uuid', nullable: true })
  submittedBy: string | null;

  @Column({ name: 'verified_by', type: 'uuid', nullable: true })
  verifiedBy: string | null;

  @Column({ name: 'is_demo', type: 'boolean', default: false })
  isDemo: boolean;

  @VersionColumn({ default: 1 })
  version: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
