import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config/config.js';

describe('config', () => {
  it('defaults to port 3000, the embedded database and data under .data/', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.databaseUrl).toBeUndefined();
    expect(config.dataDir).toMatch(/\.data$/);
    expect(config.demoData).toBe(true);
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
    [{ DEMO_PASSWORD: 'short' }, 'DEMO_PASSWORD'],
    [{ JWT_SECRET: 'too-short' }, 'JWT_SECRET'],
    [{ DEMO_DATA: 'maybe' }, 'DEMO_DATA'],
  ])('refuses %o and names the variable', (env, variable) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(new RegExp(`${variable}:`));
  });

  it('treats empty variables as unset and resolves DATA_DIR against the repository', () => {
    const config = loadConfig({ PORT: '', DATA_DIR: 'var/db' });
    expect(config.port).toBe(3000);
    expect(config.dataDir).toMatch(/var\/db$/);
  });
});
