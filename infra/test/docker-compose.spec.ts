import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

/**
 * docker-compose.yml cannot run on a machine without a Docker engine, so this keeps it honest:
 * every service is there, built from the repository, with the variables its code reads.
 */
describe('docker-compose.yml', () => {
  const root = path.resolve(__dirname, '../..');
  const compose = parse(fs.readFileSync(path.join(root, 'docker-compose.yml'), 'utf8'), { merge: true }) as {
    services: Record<
      string,
      { build?: unknown; image?: string; command?: string[]; profiles?: string[]; volumes?: string[]; environment?: Record<string, unknown>; depends_on?: Record<string, unknown>; healthcheck?: { test: string[] } }
    >;
  };
  const services = compose.services;
  const domain = ['membership', 'aid', 'training', 'mediation'];

  it('runs Postgres, Kafka (official image, KRaft) and provisioning', () => {
    expect(services.postgres.image).toMatch(/^postgres:15/);
    expect(services.kafka.image).toBe('apache/kafka:3.9.1');
    expect(services.kafka.environment).toMatchObject({ KAFKA_PROCESS_ROLES: 'broker,controller', KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS: 0 });
    expect(services.provision.command?.join(' ')).toContain('infra/dist/cli.js provision');
    expect(services.provision.build).toEqual({ context: '.', args: { SERVICE: 'infra' } });
  });

  it('points aid at the agencies it is given, and starts the FAKE agencies only in the demo profile', () => {
    const env = services.aid.environment ?? {};
    const agencies = fs.readFileSync(path.join(root, 'services/aid/src/agency-checks/domain/consent.ts'), 'utf8').match(/AID_AGENCY_[A-Z_]+_URL/g) ?? [];
    expect(agencies.length).toBeGreaterThanOrEqual(5);
    for (const variable of agencies) expect(env[variable]).toBe(`\${${variable}:-}`); // unset: a check fails as "not configured"
    expect(services['agency-sandbox'].profiles).toEqual(['demo']);
    expect(services['agency-sandbox'].command).toEqual(['node', '/sandbox/server.mjs', '--port', '3090']);
    expect(services['agency-sandbox'].volumes).toEqual(['./infra/agency-sandbox:/sandbox:ro']);
    expect(fs.existsSync(path.join(root, 'infra/agency-sandbox/server.mjs'))).toBe(true);
    for (const variable of agencies) expect(fs.readFileSync(path.join(root, '.env.example'), 'utf8')).toContain(`${variable}=http://agency-sandbox:3090/`);
  });

  it.each([...domain, 'gateway'])('%s is its own image, built from the repository with the variables it reads, ready by /health/ready', (name) => {
    const service = services[name];
    expect(service.build).toEqual({ context: '.', args: { SERVICE: name } });
    expect(service.image).toBe(`gonghui/${name}`);
    expect(service.healthcheck?.test.join(' ')).toContain('/health/ready');
    expect(service.command).toEqual(['node', `services/${name}/dist/main.js`]);
    expect(fs.existsSync(path.join(root, 'services', name, 'src', 'main.ts'))).toBe(true);
    const env = service.environment ?? {};
    for (const variable of ['PORT', 'HOST', 'DATABASE_URL', 'KAFKA_BROKERS', 'JWT_SECRET']) expect(env).toHaveProperty(variable);
    expect(String(env.DATABASE_URL)).toContain(`gonghui_${name}:`); // its own role, never the superuser
    expect(service.depends_on).toHaveProperty('provision');
  });

  it('points the gateway at every service and keys membership’s personal-data protection', () => {
    for (const name of domain) expect(services.gateway.environment).toHaveProperty(`${name.toUpperCase()}_URL`, expect.stringContaining(`http://${name}:`));
    expect(services.membership.environment).toHaveProperty('PII_ENCRYPTION_KEY');
    expect(services.membership.environment).toHaveProperty('PII_HASH_KEY');
  });

  it('ships no default secret: each comes from the environment or .env, and compose stops without it', () => {
    const text = fs.readFileSync(path.join(root, 'docker-compose.yml'), 'utf8');
    const secrets = ['JWT_SECRET', 'PII_ENCRYPTION_KEY', 'PII_HASH_KEY', 'POSTGRES_PASSWORD', ...[...domain, 'gateway'].map((s) => `${s.toUpperCase()}_DB_PASSWORD`)];
    for (const secret of secrets) {
      const uses = [...text.matchAll(new RegExp(`\\$\\{${secret}(:?[-?+])?([^}]*)\\}`, 'g'))];
      expect(uses.length).toBeGreaterThan(0);
      for (const use of uses) expect(use[1]).toBe(':?'); // required, never `:-default`
    }
    // No literal secret either: every value that carries one is an interpolation.
    expect(services.postgres.environment?.POSTGRES_PASSWORD).toMatch(/^\$\{POSTGRES_PASSWORD:\?/);
    for (const name of [...domain, 'gateway']) {
      const env = services[name].environment ?? {};
      expect(env.NODE_ENV).toBe('production');
      expect(String(env.JWT_SECRET)).toMatch(/^\$\{JWT_SECRET:\?/);
      expect(String(env.DATABASE_URL)).toMatch(new RegExp(`^postgres://gonghui_${name}:\\$\\{${name.toUpperCase()}_DB_PASSWORD:\\?[^}]*\\}@`));
    }
    for (const key of ['PII_ENCRYPTION_KEY', 'PII_HASH_KEY']) expect(String(services.membership.environment?.[key])).toMatch(new RegExp(`^\\$\\{${key}:\\?`));
    expect(String(services.provision.environment?.DATABASE_URL)).toContain('${POSTGRES_PASSWORD:?');
    expect(text).not.toMatch(/change-me|POSTGRES_PASSWORD: postgres\b|:postgres@/);
  });

  it('explains the secrets in .env.example, and keeps .env out of git', () => {
    const example = fs.readFileSync(path.join(root, '.env.example'), 'utf8');
    const text = fs.readFileSync(path.join(root, 'docker-compose.yml'), 'utf8');
    const required = [...new Set([...text.matchAll(/\$\{([A-Z_]+):\?/g)].map((m) => m[1]))];
    for (const variable of required) expect(example).toMatch(new RegExp(`^${variable}=`, 'm'));
    expect(fs.readFileSync(path.join(root, '.gitignore'), 'utf8').split('\n')).toContain('.env');
  });

  it('has one multi-stage Dockerfile whose SERVICE argument picks what is built and shipped', () => {
    const dockerfile = fs.readFileSync(path.join(root, 'Dockerfile'), 'utf8');
    expect(dockerfile).toMatch(/npm ci/);
    expect(dockerfile.match(/^FROM /gm)).toHaveLength(2);
    expect(dockerfile).toMatch(/^ARG SERVICE$/m);
    expect(dockerfile).toMatch(/tsc -b services\/\$SERVICE/);
    // the gateway's image builds everything and the console it serves
    expect(dockerfile).toMatch(/"\$SERVICE" = gateway \]; then npx tsc -b tsconfig\.build\.json && npm run build -w console/);
    expect(dockerfile).toMatch(/services\/\$SERVICE\/dist\/main\.js/);
    for (const name of [...domain, 'gateway', 'infra']) expect(dockerfile).toContain(name);
  });
});
