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
} from 'typeorm';
import type { ProvinceEntity } from './province.entity.js';
import type { UnitClassificationEntity } from './unit-classification.entity.js';

@Entity({ name: 'units' })
@Index('idx_units_province_type', ['provinceCode', 'type'])
export class UnitEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('uq_units_code', { unique: true })
  @Column({ type: 'varchar', length: 64 })
  code: string;

  @Column({ type: 'text' })
  name: string;

  /** Lower-case name without diacritics, for search that ignores them. */
  @Column({ name: 'name_folded', type: 'text' })
  nameFolded: string;

  @Column({ type: 'varchar', length: 32 })
  type: string;

  @Column({ name: 'province_code', type: 'varchar', length: 32, nullable: true })
  provinceCode: string | null;

  @ManyToOne('ProvinceEntity', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'province_code' })
  province?: Relation<ProvinceEntity>;

  /** Legacy parent district as the documents name it, e.g. "thị xã Hoài Nhơn". */
  @Column({ name: 'parent_name', type: 'text', nullable: true })
  parentName: string | null;

  @Column({ name: 'valid_from', type: 'date', nullable: true })
  validFrom: string | null;

  @Column({ name: 'valid_to', type: 'date', nullable: true })
  validTo: string | null;

  @Column({ name: 'merged_into_id', type: 'uuid', nullable: true })
  mergedIntoId: string | null;

  @ManyToOne('UnitEntity', { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'merged_into_id' })
  mergedInto?: Relation<UnitEntity>;

  @Column({ name: 'is_demo', type: 'boolean', default: false })
  isDemo: boolean;

  @Column({ type: 'text', nullable: true })
  notes: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @OneToMany('UnitClassificationEntity', 'unit')
  classifications?: Relation<UnitClassificationEntity[]>;
}
