// Lints, renders and validates the Helm chart with real Helm, on a machine without a helm binary:
//   node deploy/helm/tools/check.mjs [values-dev.yaml values-prod.yaml ...] > rendered.json
// - Helm is helm-java from Maven Central (Helm's own Go code as a native library); Maven resolves it
//   once into ~/.m2 and its classpath is kept in .local/helm-tools/ (git-ignored).
// - Every rendered object is validated against the Kubernetes JSON schemas of kubernetes-models
//   (npm), the same minor as the version rendered for (HelmRender.java).
// Prints { "<values file>": { manifests: [...], jobs: [...] } } as JSON; exits 1 with the reasons
// when lint, rendering or a schema check fails.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';

const here = import.meta.dirname;
const root = path.resolve(here, '../../..');
const chart = path.resolve(here, '../gonghui');

function helmClasspath() {
  const pom = path.join(here, 'pom.xml');
  const stamp = createHash('sha256').update(fs.readFileSync(pom)).digest('hex').slice(0, 16);
  const cache = path.join(root, '.local', 'helm-tools', `classpath-${stamp}.txt`);
  if (!fs.existsSync(cache) || !fs.readFileSync(cache, 'utf8').split(path.delimiter).every((jar) => fs.existsSync(jar))) {
    fs.mkdirSync(path.dirname(cache), { recursive: true });
    execFileSync('mvn', ['-q', '-B', '-f', pom, 'dependency:build-classpath', `-Dmdep.outputFile=${cache}`], { stdio: ['ignore', 'ignore', 'inherit'] });
  }
  return fs.readFileSync(cache, 'utf8').trim();
}

/** One `helm template` per set of values files, all in one JVM; their outputs in the same order. */
function render(classpath, sets) {
  const out = execFileSync('java', ['-cp', classpath, path.join(here, 'HelmRender.java'), chart, 'gonghui', 'gonghui', ...sets.map((s) => s.join(','))], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return out.split(/^#### render \d+$/m).slice(1);
}

function objects(text) {
  const docs = parseAllDocuments(text);
  const errors = docs.flatMap((d) => d.errors.map((e) => e.message));
  if (errors.length) throw new Error(`rendered YAML does not parse: ${errors.join('; ')}`);
  return docs.map((d) => d.toJS()).filter((o) => o !== null && typeof o === 'object');
}

/** The model class of an object's apiVersion and kind, from kubernetes-models. */
async function modelOf(object) {
  const [group, version] = object.apiVersion.includes('/') ? object.apiVersion.split('/') : [null, object.apiVersion];
  const module = await import(group ? `kubernetes-models/${group}/${version}` : `kubernetes-models/${version}`);
  const Model = module[object.kind];
  if (!Model) throw new Error(`no schema for ${object.apiVersion} ${object.kind}`);
  return Model;
}

async function validate(object) {
  const Model = await modelOf(object);
  try {
    new Model(object).validate();
  } catch (error) {
    throw new Error(`${object.kind} ${object.metadata?.name}: ${error.message}`);
  }
}

const valuesFiles = process.argv.slice(2).length ? process.argv.slice(2) : ['values-dev.yaml', 'values-prod.yaml'];
const classpath = helmClasspath();
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'gonghui-helm-'));
const noHooks = path.join(scratch, 'no-hooks.yaml');
fs.writeFileSync(noHooks, 'migrations:\n  hook: false\n');
const result = {};
const failures = [];
try {
  // Hooks are left out of `template` here: each values file is rendered twice, the second time
  // with the Jobs as plain objects, to see and validate them.
  const sets = valuesFiles.flatMap((file) => [[path.resolve(chart, file)], [path.resolve(chart, file), noHooks]]);
  const outputs = render(classpath, sets);
  for (const [i, file] of valuesFiles.entries()) {
    try {
      const manifests = objects(outputs[2 * i]);
      const jobs = objects(outputs[2 * i + 1]).filter((o) => o.kind === 'Job');
      for (const object of [...manifests, ...jobs]) await validate(object);
      result[file] = { manifests, jobs };
    } catch (error) {
      failures.push(`${file}: ${error.message}`);
    }
  }
} catch (error) {
  failures.push(error.stderr ? String(error.stderr).trim() : error.message);
} finally {
  fs.rmSync(scratch, { recursive: true, force: true });
}
if (failures.length) {
  console.error(failures.join('\n'));
  process.exit(1);
}
process.stdout.write(JSON.stringify(result));
