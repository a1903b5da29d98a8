import {
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import type { PlanEntity } from './plan.entity.js';

@Entity({ name: 'plan_phases' })
@Index('uq_plan_phases_plan_code', ['planId', 'code'], { unique: true })
export class PlanPhaseEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'plan_id', type: 'uuid' })
  planId: string;

  @ManyToOne('PlanEntity', 'phases', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'plan_id' })
  plan?: Relation<PlanEntity>;

  @Column({ type: 'varchar', length: 32 })
  code: string;

  @Column({ name: 'from_year', type: 'int' })
  fromYear: number;

  @Column({ name: 'to_year', type: 'int' })
  toYear: number;
}
