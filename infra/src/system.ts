import net from 'node:net';
import { ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { DEFAULT_PORTS, ServiceName } from '@gonghui/service-kit';
import { REPO_ROOT, SERVICES, serviceDatabaseUrl } from './provision';

export interface SystemOptions {
  adminUrl: string;
  /** Ports per service; the defaults are 3000 (gateway) and 3101–3104. */
  ports?: Partial<Record<ServiceName, number>>;
  env?: NodeJS.ProcessEnv;
  /** Write each service's output to <logDir>/<service>.log (otherwise inherit stdio). */
  logDir?: string;
  /** Leave the processes running after this process exits (the `npm start` case). */
  detached?: boolean;
}

export interface RunningSystem {
  urls: Record<ServiceName, string>;
  processes: Record<ServiceName, ChildProcess>;
  stop(): Promise<void>;
}

export function portsOf(options: Pick<SystemOptions, 'ports'>): Record<ServiceName, number> {
  return { ...DEFAULT_PORTS, ...options.ports };
}

export function serviceEnv(service: ServiceName, options: SystemOptions): NodeJS.ProcessEnv {
  const ports = portsOf(options);
  const base = options.env ?? process.env;
  const env: NodeJS.ProcessEnv = {
    ...base,
    PORT: String(ports[service]),
    DATABASE_URL: serviceDatabaseUrl(options.adminUrl, service, base),
  };
  delete env[`${service.toUpperCase()}_PORT`];
  if (service === 'gateway') {
    for (const s of SERVICES) if (s !== 'gateway') env[`${s.toUpperCase()}_URL`] = `http://127.0.0.1:${ports[s]}`;
  }
  return env;
}

/** Whether something accepts connections on 127.0.0.1:port. */
function portServed(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    socket.setTimeout(1000);
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('timeout', () => (socket.destroy(), resolve(false)));
    socket.once('error', () => resolve(false));
  });
}

async function waitForHealth(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${url} exited with code ${child.exitCode} before becoming healthy`);
    try {
      const response = await fetch(`${url}/health`, { signal: AbortSignal.timeout(5000) });
      if (response.ok) return;
      last = `${response.status} ${await response.text()}`;
    } catch (error) {
      last = (error as Error).message;
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`${url} not healthy after ${timeoutMs} ms: ${last}`);
}

/** Start the four domain services, then the gateway, each as its own process; wait until all are healthy. */
export async function startSystem(options: SystemOptions): Promise<RunningSystem> {
  const ports = portsOf(options);
  const urls = Object.fromEntries(SERVICES.map((s) => [s, `http://127.0.0.1:${ports[s]}`])) as Record<ServiceName, string>;
  const processes = {} as Record<ServiceName, ChildProcess>;
  if (options.logDir) fs.mkdirSync(options.logDir, { recursive: true });

  const launch = (service: ServiceName): ChildProcess => {
    const out = options.logDir ? fs.openSync(path.join(options.logDir, `${service}.log`), 'a') : 'inherit';
    const child = spawn(process.execPath, ['--enable-source-maps', path.join(REPO_ROOT, 'services', service, 'dist', 'main.js')], {
      env: serviceEnv(service, options),
      stdio: ['ignore', out, out],
      detached: options.detached ?? false,
    });
    if (options.detached) child.unref();
    processes[service] = child;
    return child;
  };

  const stop = async () => {
    await Promise.all(
      Object.values(processes).map(
        (child) =>
          new Promise<void>((resolve) => {
            if (child.exitCode !== null || child.signalCode !== null) return resolve();
            const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
            child.once('exit', () => {
              clearTimeout(timer);
              resolve();
            });
            child.kill('SIGTERM');
          }),
      ),
    );
  };

  // A port already served (another copy of the system, a test run beside this one) would answer
  // the health checks below in our services' place while they fail to bind: refuse to start.
  const taken = (await Promise.all(SERVICES.map(async (s) => ((await portServed(ports[s])) ? `${s} :${ports[s]}` : null)))).filter(Boolean);
  if (taken.length > 0) throw new Error(`cannot start the system: port(s) already in use by another process: ${taken.join(', ')}`);

  try {
    const domain = SERVICES.filter((s) => s !== 'gateway');
    await Promise.all(domain.map((s) => waitForHealth(urls[s], launch(s), 90_000)));
    await waitForHealth(urls.gateway, launch('gateway'), 90_000);
  } catch (error) {
    await stop();
    throw error;
  }
  return { urls, processes, stop };
}
