/** Latency percentiles and throughput of a bounded number of operations run with fixed concurrency. */
export interface Figures {
  label: string;
  operations: number;
  seconds: number;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
  failures: number;
}

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
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))];
  return { label, operations, seconds, perSecond: operations / seconds, p50: at(0.5), p95: at(0.95), p99: at(0.99), failures };
}

export function printTable(rows: Figures[]): void {
  const fmt = (n: number, d = 1) => n.toFixed(d).padStart(9);
  console.log(`\n${'measurement'.padEnd(58)}${'ops'.padStart(8)}${'ops/s'.padStart(9)}${'p50 ms'.padStart(9)}${'p95 ms'.padStart(9)}${'p99 ms'.padStart(9)}${'failed'.padStart(8)}`);
  for (const r of rows) {
    console.log(`${r.label.padEnd(58)}${String(r.operations).padStart(8)}${fmt(r.perSecond, 0)}${fmt(r.p50)}${fmt(r.p95)}${fmt(r.p99)}${String(r.failures).padStart(8)}`);
  }
}
