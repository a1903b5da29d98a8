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
import type { UserEntity } from './user.entity.js';

/**
 * A background job (a national-size export, a large results import). Its state, its input file and
 * its output file live here, in PostgreSQL, so any instance can answer for it and it outlives the
 * instance that queued it; the queue itself (BullMQ on Redis, or in-process) only says when to run it.
 */
@Entity({ name: 'jobs' })
@Index('idx_jobs_created_by', ['createdBy', 'createdAt'])
@Index('idx_jobs_status', ['status', 'createdAt'])
export class JobEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** ranking_export, comparison_export or results_import. */
  @Column({ type: 'varchar', length: 32 })
  kind: string;

  /** queued, running, done or failed. */
  @Column({ type: 'varchar', length: 16, default: 'queued' })
  status: string;

  /** 0–100. */
  @Column({ type: 'smallint', default: 0 })
  progress: number;

  @Column({ type: 'jsonb', default: {} })
  params: Record<string, unknown>;

  @Column({ name: 'input_name', type: 'varchar', length: 255, nullable: true })
  inputName: string | null;

  @Column({ name: 'input_type', type: 'varchar', length: 255, nullable: true })
  inputType: string | null;

  @Column({ type: 'bytea', nullable: true })
  input: Buffer | null;

  @Column({ name: 'result_file', type: 'bytea', nullable: true })
  resultFile: Buffer | null;

  @Column({ name: 'result_content_type', type: 'varchar', length: 255, nullable: true })
  resultContentType: string | null;

  @Column({ name: 'result_disposition', type: 'varchar', length: 1000, nullable: true })
  resultDisposition: string | null;

  /** What the job found (an import's report), as JSON. */
  @Column({ name: 'result_summary', type: 'jsonb', nullable: true })
  resultSummary: Record<string, unknown> | null;

  @Column({ type: 'jsonb', nullable: true })
  error: Record<string, unknown> | null;

  @Column({ type: 'smallint', default: 0 })
  attempts: number;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy: string;

  @ManyToOne('UserEntity', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'created_by' })
  creator?: Relation<UserEntity>;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'started_at', type: 'timestamptz', nullable: true })
  startedAt: Date | null;

  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true })
  finishedAt: Date | null;
}
