import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

/**
 * The alert rules (deploy/prometheus/alerts.yaml) stay coherent with what the services serve at
 * /metrics and with the runbook: every series an alert reads is one the code registers, and every
 * alert points at a section of docs/operations.md that exists.
 */
describe('Prometheus alert rules', () => {
  const root = path.resolve(__dirname, '../..');
  const rules = (parse(fs.readFileSync(path.join(root, 'deploy/prometheus/alerts.yaml'), 'utf8')) as {
    groups: { name: string; rules: { alert: string; expr: string; labels: { severity: string }; annotations: { summary: string; runbook: string } }[] }[];
  }).groups.flatMap((g) => g.rules);
  const metricsSource = fs.readFileSync(path.join(root, 'libs/observability/src/metrics.ts'), 'utf8');
  const registered = new Set([...metricsSource.matchAll(/name: '([a-z_:]+)'/g)].map((m) => m[1]));
  const runbook = fs.readFileSync(path.join(root, 'docs/operations.md'), 'utf8');
  const anchors = new Set(
    [...runbook.matchAll(/^#{2,4} (.+)$/gm)].map((m) =>
      m[1]
        .toLowerCase()
        .replace(/[^\p{L}\p{N} -]/gu, '')
        .replace(/ /g, '-'),
    ),
  );

  it('covers what the runbook must: outbox, lag, dead letters, broker and database down', () => {
    const runbooks = new Set(rules.map((r) => r.annotations.runbook.split('#')[1]));
    for (const section of ['outbox-not-draining', 'lag-growing', 'dead-letters', 'broker-down', 'database-down']) expect(runbooks).toContain(section);
  });

  it.each(rules.map((r) => [r.alert, r] as const))('%s reads series the services register and links an existing runbook section', (_, rule) => {
    const series = [...rule.expr.matchAll(/\b((?:gonghui|http)_[a-z_]+)\b/g)].map((m) => m[1].replace(/_(bucket|sum|count)$/, ''));
    for (const name of series) expect(registered).toContain(name);
    expect(['warning', 'critical']).toContain(rule.labels.severity);
    expect(rule.annotations.summary).toBeTruthy();
    const [file, anchor] = rule.annotations.runbook.split('#');
    expect(file).toBe('docs/operations.md');
    expect(anchors).toContain(anchor);
  });
});
