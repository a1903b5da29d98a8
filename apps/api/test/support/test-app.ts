import type { Server } from 'node:http';
import type { INestApplication } from '@nestjs/common';
import supertest from 'supertest';
import { createApp } from '../../src/app.factory.js';
import { loadConfig } from '../../src/config/config.js';

export const TEST_DEMO_PASSWORD = 'demo-password-for-tests';

export interface TestApp {
  app: INestApplication;
  http: ReturnType<typeof supertest>;
  close(): Promise<void>;
  /** A bearer token for a demo account. */
  login(username: string, password?: string): Promise<string>;
}

/** The real application (all modules, migrations at start, demo data) against a test database. */
export async function startTestApp(
  databaseUrl: string,
  env: Record<string, string> = {},
): Promise<TestApp> {
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: databaseUrl,
    DEMO_PASSWORD: TEST_DEMO_PASSWORD,
    LOG_LEVEL: 'error',
    DB_RETRY_ATTEMPTS: '0',
    WEB_DIST: '/nonexistent',
    ...env,
  });
  const app = await createApp(config, databaseUrl);
  await app.init();
  const http = supertest(app.getHttpServer() as Server);
  return {
    app,
    http,
    close: () => app.close(),
    login: async (username, password = TEST_DEMO_PASSWORD) => {
      const response = await http.post('/api/auth/login').send({ username, password });
      if (response.status !== 200)
        throw new Error(`login ${username}: ${response.status} ${JSON.stringify(response.body)}`);
      return (response.body as { accessToken: string }).accessToken;
    },
  };
}
