import net from 'node:net';
import path from 'node:path';
import { migrateAll, provisionDatabase, RunningSystem, startSystem } from '@gonghui/infra';
import { withDatabase } from '@gonghui/persistence';
import { ServiceName } from '@gonghui/service-kit';
import { http } from '@gonghui/testing';

/** The administrator every fresh system has (provisioned with the gateway's migrations). */
export const ADMIN_CREDENTIALS = { username: 'admin', password: 'Gonghui@2026' } as const;

export interface E2ESystem {
  system: RunningSystem;
  /** The gateway's base URL. */
  gw: string;
}

/**
 * The whole system as processes, on ports the OS says are free, against the test database that the
 * global setup provisioned (or `adminUrl`), each service logging to .local/test-logs/<suite>/<service>.log.
 * Ports and log folder are the suite's own, so suites run side by side (npm test runs two lanes, and a
 * developer may run a suite beside them) and a suite still stopping never collides with the next one.
 */
export async function startE2ESystem(adminUrl = process.env.TEST_DATABASE_URL!): Promise<E2ESystem> {
  const logDir = path.join(__dirname, '../../.local/test-logs', path.basename(expect.getState().testPath ?? 'e2e', '.e2e-spec.ts'));
  // On a loaded machine (two lanes of suites on two cores) a service may need longer than the
  // start's 90 s to come up: one more try (a failed try stops what it started), on new ports.
  for (let attempt = 1; ; attempt++) {
    try {
      const system = await startSystem({ adminUrl, ports: await freeServicePorts(), logDir });
      return { system, gw: system.urls.gateway };
    } catch (error) {
      if (attempt === 2) throw error;
    }
  }
}

/** A free port for each service (for a suite that starts the system itself). */
export async function freeServicePorts(): Promise<Record<ServiceName, number>> {
  const [gateway, membership, aid, training, mediation] = await freePorts(5);
  return { gateway, membership, aid, training, mediation };
}

/**
 * A database of the suite's own, beside the run's test database, provisioned and migrated as
 * production: for a suite that needs a federation nobody else has built in (one root only).
 */
export async function ownDatabase(suffix: string): Promise<string> {
  const adminUrl = process.env.TEST_DATABASE_URL!;
  const url = withDatabase(adminUrl, `${new URL(adminUrl).pathname.slice(1)}_${suffix}`);
  await provisionDatabase(url, { recreate: true });
  await migrateAll(url);
  return url;
}

/** `count` TCP ports free on 127.0.0.1 now, each asked of the OS (listen on port 0, then released). */
async function freePorts(count: number): Promise<number[]> {
  const servers = await Promise.all(
    Array.from({ length: count }, () => new Promise<net.Server>((resolve, reject) => {
      const server = net.createServer().once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve(server));
    })),
  );
  const ports = servers.map((s) => (s.address() as net.AddressInfo).port);
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
  return ports;
}

/** POST /api/v1/auth/token: the answer as it came (status and body), for a suite to assert on. */
export function login(gw: string, credentials: { username: string; password: string } = ADMIN_CREDENTIALS) {
  return http('POST', `${gw}/api/v1/auth/token`, { body: credentials });
}

/**
 * The one root of the organisation tree (市总工会): the one the system has, or one created with
 * `code` when there is none yet (a fresh database). Suites build their own units under it.
 */
export async function rootUnit(gw: string, token: string, code: string): Promise<{ id: string; path: string }> {
  const find = async () => {
    const res = await http('GET', `${gw}/api/v1/membership/org-units?limit=500`, { token });
    if (res.status !== 200) throw new Error(`listing org units answered ${res.status}: ${JSON.stringify(res.body)}`);
    return (res.body.items as { id: string; path: string; parentId: string | null }[]).find((u) => u.parentId === null);
  };
  const existing = await find();
  if (existing) return existing;
  const created = await http('POST', `${gw}/api/v1/membership/org-units`, { token, body: { code, name: '市总工会', kind: 'federation' } });
  if (created.status === 201) return created.body;
  const raced = created.status === 409 ? await find() : undefined;
  if (!raced) throw new Error(`creating the root answered ${created.status}: ${JSON.stringify(created.body)}`);
  return raced;
}
