import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Small key/value facts the installation keeps (e.g. when the demo data was loaded). */
@Entity({ name: 'app_settings' })
export class AppSettingEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  key: string;

  @Column({ type: 'jsonb' })
  value: unknown;
}
