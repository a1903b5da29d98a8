import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'indicators' })
export class IndicatorEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  code: string;

  @Column({ type: 'varchar', length: 8 })
  area: string;

  @Column({ name: 'name_vi', type: 'text' })
  nameVi: string;

  @Column({ name: 'name_en', type: 'text' })
  nameEn: string;

  @Column({ type: 'varchar', length: 16 })
  unit: string;

  @Column({ type: 'varchar', length: 16 })
  direction: string;

  @Column({ type: 'int' })
  precision: number;

  @Column({ type: 'jsonb' })
  aliases: string[];

  @Column({ name: 'is_index', type: 'boolean', default: false })
  isIndex: boolean;

  /** Position in the catalog, for a stable display order. */
  @Column({ type: 'int', default: 0 })
  position: number;
}
