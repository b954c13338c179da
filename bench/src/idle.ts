import { freshBenchmarkEnvironment } from './environment';
import { ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT, SERVICES, startSystem } from '@gonghui/infra';

/**
 * What the system costs at rest: how long the five services take from launch to healthy, then
 * each one's CPU per second and resident memory while idle, beside a bare Node process (an
 * HTTP server doing nothing) measured over the same seconds.
 *
 *   npm run bench:idle -- --seconds=30
 */
const arg = (name: string, fallback: number) => Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
const SECONDS = arg('seconds', 30);
const TICKS_PER_SECOND = 100;

function cpuTicks(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return Number(fields[11]) + Number(fields[12]);
}

function rssMb(pid: number): number {
  return Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024;
}

async function main(): Promise<void> {
  const adminUrl = await freshBenchmarkEnvironment('idle');

  const launched = Date.now();
  const system = await startSystem({
    adminUrl,
    ports: { gateway: 3960, membership: 3961, aid: 3962, training: 3963, mediation: 3964 },
    logDir: path.join(REPO_ROOT, '.local/bench-logs'),
  });
  const toHealthy = Date.now() - launched;
  const bare: ChildProcess = spawn(process.execPath, ['-e', "require('http').createServer().listen(0, '127.0.0.1')"], { stdio: 'ignore' });
  try {
    await new Promise((r) => setTimeout(r, 10_000)); // consumers joined, first polls done
    const pids: Record<string, number> = { ...Object.fromEntries(SERVICES.map((s) => [s, system.processes[s].pid!])), 'baseline: bare Node HTTP server': bare.pid! };
    const before = Object.fromEntries(Object.entries(pids).map(([name, pid]) => [name, cpuTicks(pid)]));
    await new Promise((r) => setTimeout(r, SECONDS * 1000));
    console.log(`\nfive services from launch to healthy: ${(toHealthy / 1000).toFixed(1)} s`);
    console.log(`\n${'idle, over ' + SECONDS + ' s'.padEnd(10)}`.padEnd(40) + 'CPU ms/s'.padStart(10) + 'RSS MB'.padStart(10));
    for (const [name, pid] of Object.entries(pids)) {
      const cpuMsPerSecond = ((cpuTicks(pid) - before[name]) * 1000) / TICKS_PER_SECOND / SECONDS;
      console.log(name.padEnd(40) + cpuMsPerSecond.toFixed(1).padStart(10) + rssMb(pid).toFixed(0).padStart(10));
    }
  } finally {
    bare.kill();
    await system.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
