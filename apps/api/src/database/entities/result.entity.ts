import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import type { IndicatorEntity } from './indicator.entity.js';
import type { UnitEntity } from './unit.entity.js';

@Entity({ name: 'results' })
@Index('uq_results_unit_indicator_period', ['unitId', 'indicatorCode', 'period'], { unique: true })
@Index('idx_results_indicator_period_unit', ['indicatorCode', 'period', 'unitId'])
@Index('idx_results_unit_period', ['unitId', 'period'])
export class ResultEntity {
  @PrimaryGeneratedColumn('uuid')
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
