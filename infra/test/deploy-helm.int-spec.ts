import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'yaml';

/**
 * The Helm chart (deploy/helm/gonghui), linted (`helm lint --strict`) and rendered by real Helm
 * (helm-java from Maven Central: no helm binary installs here), every object validated against the
 * Kubernetes schemas (kubernetes-models), by deploy/helm/tools/check.mjs; then what an operator
 * relies on, per service and environment.
 */
interface K8sObject {
  kind: string;
  metadata: { name: string; labels?: Record<string, string>; annotations?: Record<string, string> };
  data?: Record<string, string>;
  spec?: any;
}

const root = path.resolve(__dirname, '../..');
const chart = path.join(root, 'deploy/helm/gonghui');
const SERVICES = { gateway: 3000, membership: 3101, aid: 3102, training: 3103, mediation: 3104 } as const;
type Service = keyof typeof SERVICES;
const SECRETS: Record<Service, string[]> = {
  gateway: ['DATABASE_URL', 'JWT_SECRET'],
  membership: ['DATABASE_URL', 'JWT_SECRET', 'PII_ENCRYPTION_KEY', 'PII_HASH_KEY'],
  aid: ['DATABASE_URL', 'JWT_SECRET', 'PII_ENCRYPTION_KEY', 'PII_HASH_KEY'],
  training: ['DATABASE_URL', 'JWT_SECRET'],
  mediation: ['DATABASE_URL', 'JWT_SECRET'],
};

describe('Helm chart deploy/helm/gonghui', () => {
  let rendered: Record<string, { manifests: K8sObject[]; jobs: K8sObject[] }>;

  beforeAll(async () => {
    const { stdout } = await promisify(execFile)(process.execPath, [path.join(root, 'deploy/helm/tools/check.mjs'), 'values-dev.yaml', 'values-prod.yaml'], {
      cwd: root,
      maxBuffer: 64 * 1024 * 1024,
    });
    rendered = JSON.parse(stdout);
  }, 300_000);

  const find = (env: string, kind: string, name: string) => {
    const found = [...rendered[env].manifests, ...rendered[env].jobs].find((o) => o.kind === kind && o.metadata.name === name);
    if (!found) throw new Error(`${env}: no ${kind} ${name}`);
    return found;
  };

  it('lints, renders and validates against the Kubernetes schemas for every environment', () => {
    expect(Object.keys(rendered).sort()).toEqual(['values-dev.yaml', 'values-prod.yaml']);
    for (const { manifests } of Object.values(rendered)) {
      const kinds = manifests.map((m) => m.kind);
      for (const kind of ['Deployment', 'Service', 'ConfigMap']) expect(kinds.filter((k) => k === kind)).toHaveLength(5);
      // No Secret is rendered: secrets are referenced, never carried in values.
      expect(kinds).not.toContain('Secret');
    }
  });

  it.each(Object.entries(SERVICES) as [Service, number][])('%s: its own image, probes, ConfigMap, secret references and resources', (name, port) => {
    for (const env of ['values-dev.yaml', 'values-prod.yaml']) {
      const deployment = find(env, 'Deployment', `gonghui-${name}`);
      const pod = deployment.spec.template.spec;
      const [container] = pod.containers;
      expect(container.image).toMatch(new RegExp(`/gonghui/${name}:[\\w.-]+$`));
      expect(container.command).toEqual(['node', `services/${name}/dist/main.js`]);
      expect(container.ports).toEqual([{ name: 'http', containerPort: port, protocol: 'TCP' }]);
      expect(container.livenessProbe.httpGet).toEqual({ path: '/health/live', port: 'http' });
      expect(container.readinessProbe.httpGet).toEqual({ path: '/health/ready', port: 'http' });
      expect(container.resources.requests).toEqual({ cpu: expect.anything(), memory: expect.stringMatching(/Mi|Gi$/) });
      expect(container.resources.limits.memory).toBeDefined();
      expect(deployment.spec.strategy.rollingUpdate.maxUnavailable).toBe(0);
      expect(pod.securityContext.runAsNonRoot).toBe(true);

      const secretEnv = container.env.filter((e: any) => e.valueFrom?.secretKeyRef && !e.valueFrom.secretKeyRef.optional);
      expect(secretEnv.map((e: any) => e.name).sort()).toEqual([...SECRETS[name]].sort());
      for (const e of secretEnv) expect(e.valueFrom.secretKeyRef).toEqual({ name: `gonghui-${name}`, key: e.name });
      expect(container.env.every((e: any) => e.value === undefined)).toBe(true); // no literal value beside the ConfigMap

      expect(container.envFrom).toEqual([{ configMapRef: { name: `gonghui-${name}` } }]);
      const config = find(env, 'ConfigMap', `gonghui-${name}`).data!;
      expect(config).toMatchObject({ NODE_ENV: 'production', PORT: String(port), MIGRATE_ON_START: 'false', KAFKA_BROKERS: expect.any(String) });
      for (const secret of ['JWT_SECRET', 'DATABASE_URL', 'PII_ENCRYPTION_KEY', 'PII_HASH_KEY']) expect(config).not.toHaveProperty(secret);

      const service = find(env, 'Service', `gonghui-${name}`);
      expect(service.spec.selector).toEqual(deployment.spec.selector.matchLabels);
      expect(service.spec.ports[0]).toMatchObject({ port, targetPort: 'http' });
    }
  });

  it('runs each service’s migrations as its own Job, a pre-install/pre-upgrade hook, before the rollout', () => {
    for (const env of ['values-dev.yaml', 'values-prod.yaml']) {
      for (const name of Object.keys(SERVICES)) {
        const job = find(env, 'Job', `gonghui-${name}-migrate`);
        const [container] = job.spec.template.spec.containers;
        expect(container.command).toEqual(['node', `services/${name}/dist/migrate.js`]);
        expect(container.image).toBe(find(env, 'Deployment', `gonghui-${name}`).spec.template.spec.containers[0].image);
        expect(container.env.find((e: any) => e.name === 'DATABASE_URL').valueFrom.secretKeyRef).toEqual({ name: `gonghui-${name}`, key: 'DATABASE_URL' });
        expect(job.spec.template.spec.restartPolicy).toBe('Never');
      }
      // With hooks on (the default) the Jobs are Helm hooks, not part of the release's manifest.
      expect(rendered[env].manifests.some((m) => m.kind === 'Job')).toBe(false);
    }
    const template = fs.readFileSync(path.join(chart, 'templates/migration-job.yaml'), 'utf8');
    expect(template).toMatch(/helm\.sh\/hook: pre-install,pre-upgrade/);
    // Provisioning (roles, schemas, topics) only where the chart is asked to, before the migrations.
    expect(rendered['values-dev.yaml'].jobs.map((j) => j.metadata.name)).toContain('gonghui-provision');
    expect(rendered['values-prod.yaml'].jobs.map((j) => j.metadata.name)).not.toContain('gonghui-provision');
    expect(fs.readFileSync(path.join(chart, 'templates/provision-job.yaml'), 'utf8')).toMatch(/hook-weight: "-10"/);
  });

  it('points the gateway at each service’s Service', () => {
    for (const env of ['values-dev.yaml', 'values-prod.yaml']) {
      const config = find(env, 'ConfigMap', 'gonghui-gateway').data!;
      for (const [name, port] of Object.entries(SERVICES)) {
        if (name === 'gateway') continue;
        expect(config[`${name.toUpperCase()}_URL`]).toBe(`http://gonghui-${name}:${port}`);
      }
    }
  });

  it('runs production with two replicas or more, a pinned tag and a disruption budget for each', () => {
    const prod = rendered['values-prod.yaml'].manifests;
    for (const name of Object.keys(SERVICES)) {
      const deployment = find('values-prod.yaml', 'Deployment', `gonghui-${name}`);
      expect(deployment.spec.replicas).toBeGreaterThanOrEqual(2);
      expect(deployment.spec.template.spec.containers[0].image).toMatch(/:\d+\.\d+\.\d+$/);
      expect(prod.find((m) => m.kind === 'PodDisruptionBudget' && m.metadata.name === `gonghui-${name}`)?.spec.minAvailable).toBe(1);
    }
    // Each consumer service keeps no more replicas than a topic has partitions (idle members otherwise).
    const partitions = 3;
    for (const name of ['membership', 'aid', 'training', 'mediation']) expect(find('values-prod.yaml', 'Deployment', `gonghui-${name}`).spec.replicas).toBeLessThanOrEqual(partitions);
  });

  it('sizes every service’s resources in values.yaml with the benchmark behind them', () => {
    const text = fs.readFileSync(path.join(chart, 'values.yaml'), 'utf8');
    const values = parse(text) as { services: Record<string, { resources: { requests: Record<string, string> } }> };
    expect(Object.keys(values.services).sort()).toEqual(Object.keys(SERVICES).sort());
    expect(text).toMatch(/idle RSS/);
    expect(text).toMatch(/CPU per enrolment/);
  });
});
