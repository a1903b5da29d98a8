import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  OneToMany,
  PrimaryGeneratedColumn,
  type Relation,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import type { UnitEntity } from './unit.entity.js';
import type { PlanPhaseEntity } from './plan-phase.entity.js';
import type { TargetEntity } from './target.entity.js';

@Entity({ name: 'plans' })
@Index('idx_plans_unit', ['unitId'])
export class PlanEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'unit_id', type: 'uuid' })
  unitId: string;

  @ManyToOne('UnitEntity', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'unit_id' })
  unit?: Relation<UnitEntity>;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'varchar', length: 16 })
  kind: string;

  @Column({ name: 'document_no', type: 'text', nullable: true })
  documentNo: string | null;

  @Column({ name: 'document_date', type: 'date', nullable: true })
  documentDate: string | null;

  @Column({ type: 'text', nullable: true })
  issuer: string | null;

  @Column({ type: 'varchar', length: 16, default: 'draft' })
  status: string;

  @Column({ name: 'from_year', type: 'int' })
  fromYear: number;

  @Column({ name: 'to_year', type: 'int' })
  toYear: number;

  @Column({ name: 'parent_plan_id', type: 'uuid', nullable: true })
  parentPlanId: string | null;

  @ManyToOne('PlanEntity', { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'parent_plan_id' })
  parentPlan?: Relation<PlanEntity>;

  @Column({ name: 'source_file_name', type: 'text', nullable: true })
  sourceFileName: string | null;

  @Column({ name: 'source_file_sha256', type: 'varchar', length: 64, nullable: true })
  sourceFileSha256: string | null;

  @Column({ name: 'is_demo', type: 'boolean', default: false })
  isDemo: boolean;

  @VersionColumn({ default: 1 })
  version: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @OneToMany('PlanPhaseEntity', 'plan')
  phases?: Relation<PlanPhaseEntity[]>;

  @OneToMany('TargetEntity', 'plan')
  targets?: Relation<TargetEntity[]>;
}
