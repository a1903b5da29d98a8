import type { INestApplication } from '@nestjs/common';
import supertest from 'supertest';
import { createApp } from '../../src/app.factory.js';
import { loadConfig } from '../../src/config/config.js';

export const TEST_DEMO_PASSWORD = 'demo-password-for-tests';

export interface AuthenticatedAgent {
  token: string;
  get(path: string): supertest.Test;
  post(path: string): supertest.Test;
  put(path: string): supertest.Test;
  patch(path: string): supertest.Test;
}

export interface TestApp {
  app: INestApplication;
  http: ReturnType<typeof supertest>;
  close(): Promise<void>;
  /** A bearer token for a demo account. */
  login(username: string, password?: string): Promise<string>;
  /** Requests as a demo account: `(await api.as('reviewer')).get('/api/units')`. */
  as(username: string): Promise<AuthenticatedAgent>;
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
  const http = supertest(app.getHttpServer());
  const tokens = new Map<string, string>();
  const login = async (username: string, password = TEST_DEMO_PASSWORD): Promise<string> => {
    const response = await http.post('/api/auth/login').send({ username, password });
    if (response.status !== 200)
      throw new Error(`login ${username}: ${response.status} ${JSON.stringify(response.body)}`);
    return (response.body as { accessToken: string }).accessToken;
  };
  return {
    app,
    http,
    close: () => app.close(),
    login,
    as: async (username) => {
      const token = tokens.get(username) ?? (await login(username));
      tokens.set(username, token);
      const auth = (test: supertest.Test) => test.set('Authorization', `Bearer ${token}`);
      return {
        token,
        get: (path) => auth(http.get(path)),
        post: (path) => auth(http.post(path)),
        put: (path) => auth(http.put(path)),
        patch: (path) => auth(http.patch(path)),
      };
    },
  };
}
