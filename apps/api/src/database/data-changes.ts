import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import pg from 'pg';
import { DataSource } from 'typeorm';

/** The channel the migration DataChangeNotifications1765065600000 notifies on. */
export const DATA_CHANGED_CHANNEL = 'commune_bench_data_changed';

/** The name the listening connection carries in pg_stat_activity. */
export const DATA_CHANGES_APPLICATION_NAME = 'commune-bench-api-listen';

export interface DataChangeSubscriber {
  /** Something a ranking is computed from was committed (by anyone). */
  changed(): void;
  /** Whether notifications can reach this process now; while false, changes go unannounced. */
  listening(up: boolean): void;
}

/**
 * Committed changes to the tables rankings are computed from, as PostgreSQL announces them
 * (LISTEN on one connection of its own to the primary, opened on the first subscription and opened
 * again a second after it is lost).
 */
@Injectable()
export class DataChanges implements OnApplicationShutdown {
  private readonly logger = new Logger('DataChanges');
  private readonly subscribers: DataChangeSubscriber[] = [];
  private client: pg.Client | null = null;
  private up = false;
  private stopped = false;
  private retry: NodeJS.Timeout | undefined;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  get isListening(): boolean {
    return this.up;
  }

  subscribe(subscriber: DataChangeSubscriber): void {
    this.subscribers.push(subscriber);
    if (this.subscribers.length === 1) void this.connect();
    else subscriber.listening(this.up);
  }

  private set(up: boolean): void {
    this.up = up;
    for (const subscriber of this.subscribers) subscriber.listening(up);
  }

  private async connect(): Promise<void> {
    if (this.stopped) return;
    const url = (this.dataSource.options as { url?: string }).url;
    const client = new pg.Client({
      connectionString: url,
      application_name: DATA_CHANGES_APPLICATION_NAME,
      connectionTimeoutMillis: 5000,
    });
    this.client = client;
    let lost = false;
    const lose = (reason: string) => {
      if (lost) return;
      lost = true;
      if (this.client === client) this.client = null;
      this.set(false);
      client.end().catch(() => undefined);
      if (this.stopped) return;
      this.logger.warn(`not listening for data changes (${reason}); again in 1 s`);
      this.retry = setTimeout(() => void this.connect(), 1000);
      this.retry.unref();
    };
    client.on('error', (error: Error) => lose(error.message));
    client.on('end', () => lose('connection closed'));
    client.on('notification', (message) => {
      if (message.channel !== DATA_CHANGED_CHANNEL) return;
      for (const subscriber of this.subscribers) subscriber.changed();
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${DATA_CHANGED_CHANNEL}`);
      if (!lost) this.set(true);
    } catch (error) {
      lose(error instanceof Error ? error.message : String(error));
    }
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retry);
    const client = this.client;
    this.client = null;
    this.up = false;
    await client?.end().catch(() => undefined);
  }
}
