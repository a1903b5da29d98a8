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

@Entity({ name: 'users' })
export class UserEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('uq_users_username', { unique: true })
  @Column({ type: 'varchar', length: 100 })
  username: string;

  @Column({ name: 'display_name', type: 'text' })
  displayName: string;

  /** argon2id */
  @Column({ name: 'password_hash', type: 'text' })
  passwordHash: string;

  /** admin | reviewer | commune_staff */
  @Column({ type: 'varchar', length: 16 })
  role: string;

  /** For reviewers: "all" or a list of province codes. */
  @Column({ name: 'scope_provinces', type: 'jsonb', nullable: true })
  scopeProvinces: 'all' | string[] | null;

  /** For commune staff: their unit. */
  @Column({ name: 'scope_unit_id', type: 'uuid', nullable: true })
  scopeUnitId: string | null;

  @ManyToOne('UnitEntity', { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'scope_unit_id' })
  scopeUnit?: Relation<UnitEntity>;

  @Column({ type: 'boolean', default: false })
  disabled: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
