import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'provinces' })
export class ProvinceEntity {
  @PrimaryColumn({ type: 'varchar', length: 32 })
  code: string;

  @Column({ type: 'text' })
  name: string;

  /** tinh | thanh_pho (thành phố trực thuộc trung ương) */
  @Column({ type: 'varchar', length: 16 })
  kind: string;

  @Column({ name: 'valid_from', type: 'date', nullable: true })
  validFrom: string | null;

  @Column({ name: 'valid_to', type: 'date', nullable: true })
  validTo: string | null;

  /** For a province merged on 1/7/2025: the code of the province it became part of. */
  @Column({ name: 'merged_into', type: 'varchar', length: 32, nullable: true })
  mergedInto: string | null;
}
