import fs from 'node:fs';

/** Latency percentiles and throughput of a bounded number of operations. */
export interface Figures {
  label: string;
  operations: number;
  seconds: number;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
  failures: number;
  /** CPU milliseconds per operation, by part of the system (see CpuMeter). */
  cpuMsPerOp?: Record<string, number>;
  /** Open loop: when the slowest 1% of operations were due, gathered into episodes. */
  slowEpisodes?: SlowEpisode[];
}

/** Slow operations due close together: one stall of the system, not many independent delays. */
export interface SlowEpisode {
  /** Seconds into the run when the first of them was due. */
  at: number;
  operations: number;
  worstMs: number;
}

/** The slowest 1% of operations (by when each was due), gathered into episodes of those due within 100 ms of each other. */
export function slowEpisodes(samples: { dueAt: number; latency: number }[]): SlowEpisode[] {
  const slowest = [...samples].sort((a, b) => b.latency - a.latency).slice(0, Math.max(1, Math.ceil(samples.length / 100)));
  slowest.sort((a, b) => a.dueAt - b.dueAt);
  const episodes: (SlowEpisode & { last: number })[] = [];
  for (const s of slowest) {
    const current = episodes[episodes.length - 1];
    if (current && s.dueAt - current.last <= 100) {
      current.operations += 1;
      current.worstMs = Math.max(current.worstMs, s.latency);
      current.last = s.dueAt;
    } else {
      episodes.push({ at: s.dueAt / 1000, operations: 1, worstMs: s.latency, last: s.dueAt });
    }
  }
  return episodes.map(({ at, operations, worstMs }) => ({ at, operations, worstMs }));
}

function figures(label: string, latencies: number[], seconds: number, failures: number): Figures {
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))];
  return { label, operations: latencies.length, seconds, perSecond: latencies.length / seconds, p50: at(0.5), p95: at(0.95), p99: at(0.99), failures };
}

/** Closed loop: `concurrency` clients, each sending its next operation when the last one answered. Finds the saturation throughput. */
export async function measure(label: string, operations: number, concurrency: number, operation: (i: number) => Promise<boolean>): Promise<Figures> {
  const latencies: number[] = [];
  let next = 0;
  let failures = 0;
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let i = next++; i < operations; i = next++) {
        const t0 = process.hrtime.bigint();
        const ok = await operation(i).catch(() => false);
        latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
        if (!ok) failures++;
      }
    }),
  );
  return figures(label, latencies, Number(process.hrtime.bigint() - started) / 1e9, failures);
}

/**
 * Open loop: operations start on a fixed schedule (`perSecond`), whether or not earlier ones
 * have answered, as requests from many users do. Each latency counts from the operation's
 * scheduled start, so time spent queued behind a slow system is counted, not hidden.
 */
export async function measureAtRate(label: string, perSecond: number, operations: number, operation: (i: number) => Promise<boolean>): Promise<Figures> {
  const samples: { dueAt: number; latency: number }[] = [];
  let failures = 0;
  const started = performance.now();
  const running: Promise<void>[] = [];
  for (let i = 0; i < operations; i++) {
    const due = started + (i * 1000) / perSecond;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    running.push(
      operation(i)
        .catch(() => false)
        .then((ok) => {
          samples.push({ dueAt: due - started, latency: performance.now() - due });
          if (!ok) failures++;
        }),
    );
  }
  await Promise.all(running);
  const result = figures(label, samples.map((s) => s.latency), (performance.now() - started) / 1000, failures);
  return { ...result, slowEpisodes: slowEpisodes(samples) };
}

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

function cpuTicks(pid: number): number {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // utime + stime, plus cutime + cstime: what its exited children used (a Postgres backend
    // that ends during a measurement moves its time to the postmaster's).
    return Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]);
  } catch {
    return 0; // the process ended
  }
}

/** Processes whose command line matches, e.g. every Postgres backend. */
export function pidsMatching(pattern: RegExp): number[] {
  return fs
    .readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .map(Number)
    .filter((pid) => {
      try {
        return pattern.test(fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' '));
      } catch {
        return false;
      }
    });
}

/**
 * CPU time spent by each part of the system (services, Postgres, Kafka, the load generator)
 * during a measurement: on a machine where they all share two cores, this shows where each
 * operation's cost goes.
 */
export class CpuMeter {
  private before = new Map<string, number>();

  constructor(private readonly parts: () => Record<string, number[]>) {}

  start(): void {
    this.before = this.read();
  }

  /** CPU ms per operation for each part since start(), and their total. */
  perOperation(operations: number): Record<string, number> {
    const after = this.read();
    const out: Record<string, number> = {};
    let total = 0;
    for (const [part, ticks] of after) {
      const ms = ((ticks - (this.before.get(part) ?? 0)) * 1000) / TICKS_PER_SECOND / operations;
      out[part] = ms;
      total += ms;
    }
    out.total = total;
    return out;
  }

  private read(): Map<string, number> {
    return new Map(Object.entries(this.parts()).map(([part, pids]) => [part, pids.reduce((sum, pid) => sum + cpuTicks(pid), 0)]));
  }
}

export function printTable(rows: Figures[]): void {
  const fmt = (n: number, d = 1) => n.toFixed(d).padStart(9);
  console.log(`\n${'measurement'.padEnd(66)}${'ops'.padStart(8)}${'ops/s'.padStart(9)}${'p50 ms'.padStart(9)}${'p95 ms'.padStart(9)}${'p99 ms'.padStart(9)}${'failed'.padStart(8)}`);
  for (const r of rows) {
    console.log(`${r.label.padEnd(66)}${String(r.operations).padStart(8)}${fmt(r.perSecond, 0)}${fmt(r.p50)}${fmt(r.p95)}${fmt(r.p99)}${String(r.failures).padStart(8)}`);
  }
  const withEpisodes = rows.filter((r) => r.slowEpisodes?.length);
  if (withEpisodes.length > 0) console.log(`\nWhen the slowest 1% were due (seconds into the run: requests, worst ms); few episodes mean stalls, not load:`);
  for (const r of withEpisodes) {
    const shown = r.slowEpisodes!.slice(0, 12).map((e) => `${e.at.toFixed(2)} s: ${e.operations}, ${e.worstMs.toFixed(0)}`);
    console.log(`${r.label.padEnd(66)}${shown.join(' | ')}${r.slowEpisodes!.length > 12 ? ` | … ${r.slowEpisodes!.length} episodes` : ''}`);
  }
  const withCpu = rows.filter((r) => r.cpuMsPerOp);
  if (withCpu.length === 0) return;
  const parts = Object.keys(withCpu[0].cpuMsPerOp!);
  console.log(`\nCPU ms per operation, by part (two cores shared by all):`);
  console.log(`${'measurement'.padEnd(66)}${parts.map((p) => p.padStart(11)).join('')}`);
  for (const r of withCpu) console.log(`${r.label.padEnd(66)}${parts.map((p) => r.cpuMsPerOp![p].toFixed(2).padStart(11)).join('')}`);
}
