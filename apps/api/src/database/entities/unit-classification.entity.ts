import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import type { UnitEntity } from './unit.entity.js';

@Entity({ name: 'unit_classifications' })
@Index('idx_unit_classifications_unit', ['unitId', 'validFrom'])
export class UnitClassificationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'unit_id', type: 'uuid' })
  unitId: string;

  @ManyToOne('UnitEntity', 'classifications', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'unit_id' })
  unit?: Relation<UnitEntity>;

  /** special | I | II | III */
  @Column({ name: 'class', type: 'varchar', length: 8 })
  unitClass: string;

  @Column({ type: 'text', nullable: true })
  basis: string | null;

  @Column({ name: 'decision_no', type: 'text', nullable: true })
  decisionNo: string | null;

  @Column({ name: 'valid_from', type: 'date' })
  validFrom: string;

  @Column({ name: 'valid_to', type: 'date', nullable: true })
  validTo: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
