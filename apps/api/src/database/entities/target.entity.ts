import {
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
  VersionColumn,
} from 'typeorm';
import type { IndicatorEntity } from './indicator.entity.js';
import type { TCohortRule } from '@commune-bench/domain';
import type { PlanEntity } from './plan.entity.js';

@Entity({ name: 'targets' })
@Index('idx_targets_plan', ['planId', 'position'])
@Index('idx_targets_indicator_due', ['indicatorCode', 'dueYear'])
export class TargetEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'plan_id', type: 'uuid' })
  planId: string;

  @ManyToOne('PlanEntity', 'targets', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'plan_id' })
  plan?: Relation<PlanEntity>;

  @Column({ name: 'indicator_code', type: 'varchar', length: 64, nullable: true })
  indicatorCode: string | null;

  @ManyToOne('IndicatorEntity', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'indicator_code' })
  indicator?: Relation<IndicatorEntity>;

  @Column({ type: 'text' })
  label: string;

  @Column({ name: 'area_in_plan', type: 'varchar', length: 8, nullable: true })
  areaInPlan: string | null;

  @Column({ type: 'varchar', length: 16 })
  comparator: string;

  @Column({ type: 'double precision', nullable: true })
  value: number | null;

  @Column({ type: 'varchar', length: 16 })
  unit: string;

  @Column({ name: 'due_year', type: 'int' })
  dueYear: number;

  @Column({ name: 'phase_code', type: 'varchar', length: 32, nullable: true })
  phaseCode: string | null;

  @Column({ name: 'baseline_year', type: 'int', nullable: true })
  baselineYear: number | null;

  @Column({ type: 'jsonb', nullable: true })
  cohort: TCohortRule | null;

  @Column({ type: 'boolean', default: false })
  aspirational: boolean;

  @Column({ name: 'source_quote', type: 'text', nullable: true })
  sourceQuote: string | null;

  @Column({ name: 'source_line', type: 'int', nullable: true })
  sourceLine: number | null;

  @Column({ type: 'double precision', nullable: true })
  confidence: number | null;

  @Column({ type: 'boolean', default: false })
  reviewed: boolean;

  @Column({ name: 'conflict_group', type: 'varchar', length: 64, nullable: true })
  conflictGroup: string | null;

  @Column({ type: 'boolean', default: false })
  legacy: boolean;

  @Column({ type: 'int', default: 0 })
  position: number;

  @VersionColumn({ default: 1 })
  version: number;
}
