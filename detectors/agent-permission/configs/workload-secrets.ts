// Production secrets in the environment of a Kubernetes container (a Job, a CronJob, a Deployment, or a Helm template
// of one; an Argo Workflows template's `container:`, `script:` or `containerSet:`; a Tekton Task's `steps:`) that
// starts an agent acting without approvals: `envFrom: secretRef`, `env: valueFrom: secretKeyRef`, and every secret of a
// workload in a production namespace. Read by lines, because a Helm template is no YAML until rendered.
import type { AgentGrant } from '../../../src/facts/index.js';
import type { FileEmitter, SourceFile } from '../../../src/model.js';
import { agentTitle } from '../../../knowledge/agents/agents.js';
import { isProductionName } from '../../../knowledge/environments/names.js';
import { reachesProductionByName } from '../../../knowledge/credentials/account-variables.js';
import { productionSecretToAgent } from '../rules/production-secret-to-agent.js';
import { AGENT_OWN } from './agent-secrets.js';
import { ACTING_GRANTS } from './untrusted-launch.js';

/**
 * A list of containers alone on its line: a pod's `containers:` or `initContainers:`, and in Tekton's Tasks the
 * `steps:` and `sidecars:` (each item a container).
 */
const CONTAINER_LIST = /^\s*(?:(?:initC|c)ontainers|steps|sidecars):\s*$/;
/** One container as a map: an Argo Workflows template's `container:` or `script:` (a container with a `source:`). */
const SINGLE_CONTAINER = /^\s*(?:container|script):\s*$/;
/** The API groups whose documents hold containers under those keys (`steps:` means nothing elsewhere). */
const PIPELINE_API = /^\s*apiVersion:\s*["']?(?:tekton\.dev|argoproj\.io)\//m;
/** A manifest with a container list: what makes a YAML file outside CI's and compose's paths a launcher. */
const POD_CONTAINERS = /^\s*(?:initC|c)ontainers:\s*$/m;
export function isWorkloadText(text: string): boolean {
  return POD_CONTAINERS.test(text) || PIPELINE_API.test(text);
}

interface HeldSecret {
  /** The variable the container sees, or undefined for a whole Secret given through `envFrom`. */
  variable: string | undefined;
  /** The Kubernetes Secret's name as written. */
  secret: string;
  line: number;
  /** Where the container mounts the Secret's keys as files, when it is a volume rather than the environment. */
  mountPath?: string;
}

export function reportProductionSecretsToWorkloads(file: SourceFile, out: FileEmitter, grants: readonly AgentGrant[]): void {
  if (!/secret(?:Key)?Ref:|secretName:/.test(file.text)) return;
  const lines = file.text.split('\n').map((line) => line.replace(/\r$/, ''));
  const namespace = /^\s*namespace:\s*["']?([\w.-]+)/m.exec(file.text)?.[1] ?? '';
  const productionNamespace = isProductionName(namespace);
  const pipeline = PIPELINE_API.test(file.text);
  const reported = new Set<number>();
  for (const grant of grants) {
    if (!grant.effective || !ACTING_GRANTS.has(grant.grant)) continue;
    const container = containerAround(lines, grant.location.span.line - 1, pipeline);
    if (!container || reported.has(container.start)) continue;
    // A Tekton Task's `stepTemplate:` gives its environment to every step.
    const given = [...secretsIn(lines, container.start, container.end), ...(pipeline ? templateSecrets(lines) : []), ...mountedSecrets(lines, container.start, container.end)].filter(
      (entry) => !(entry.variable !== undefined && AGENT_OWN.test(entry.variable)),
    );
    const held = given.filter(
      (entry) => productionNamespace || isProductionName(entry.secret) || reachesProductionByName(entry.variable, entry.secret.replace(/-/g, '_')),
    );
    if (held.length === 0) {
      holdChartValues(file, out, grant, given);
      continue;
    }
    reported.add(container.start);
    const named = [...new Set(held.map((entry) => entry.variable ?? (entry.mountPath ? `Secret ${entry.secret} mounted at ${entry.mountPath}` : `every key of Secret ${entry.secret}`)))];
    const holds = held.some((entry) => entry.mountPath) ? (held.every((entry) => entry.mountPath) ? 'whose files hold' : 'whose environment and files hold') : 'whose environment holds';
    out.report({
      ruleId: productionSecretToAgent.id,
      message:
        `${grant.setting} in ${file.path} starts ${agentTitle(grant.agent)} without approvals in a container ${holds} ` +
        `${productionNamespace ? `the secrets of the production namespace \`${namespace}\`` : 'production secrets or live-mode payment keys'} (${named.join(', ')}): any command the agent decides to run reaches production with them.`,
      location: grant.location,
      snippet: file.line(grant.location.span.line).trim(),
      evidence: `${container.start + 1}:${named.join(',')}`,
      related: held.slice(0, 5).map((entry) => ({
        location: { path: file.path, span: { line: entry.line, column: 1, endLine: entry.line, endColumn: lines[entry.line - 1]!.length + 1 } },
        message: entry.mountPath ? `Secret ${entry.secret} mounted at ${entry.mountPath}` : `${entry.variable ?? 'envFrom'} from Secret ${entry.secret}`,
      })),
      details: { agent: grant.agent, setting: grant.setting, variables: named, productionEnvironment: productionNamespace },
    });
  }
}

/** A Secret named by a chart value: `{{ .Values.agent.secretName }}`, `{{ required "…" .Values.x | quote }}`. */
const VALUES_REFERENCE = /^\{\{-?\s*(?:required\s+"[^"]*"\s+)?\$?\.Values\.([\w.]+)\s*(?:\|[^}]*)?-?\}\}$/;

/**
 * The Secrets a Helm template names by a chart value, held until the chart's values files are read: whether the
 * release is given production's Secret is in them (chart-values.ts).
 */
function holdChartValues(file: SourceFile, out: FileEmitter, grant: AgentGrant, given: readonly HeldSecret[]): void {
  const templates = file.path.lastIndexOf('templates/');
  if (templates === -1 || (templates > 0 && file.path[templates - 1] !== '/')) return;
  const chart = file.path.slice(0, templates);
  for (const entry of given) {
    const key = VALUES_REFERENCE.exec(entry.secret)?.[1];
    if (!key) continue;
    out.publish('agent-templated-secret', {
      agent: grant.agent,
      setting: grant.setting,
      chart,
      key,
      ...(entry.variable !== undefined ? { variable: entry.variable } : {}),
      location: grant.location,
      snippet: file.line(grant.location.span.line).trim(),
      secretLocation: { path: file.path, span: { line: entry.line, column: 1, endLine: entry.line, endColumn: file.line(entry.line).length + 1 } },
    });
  }
}

const indentOf = (line: string): number => /^\s*/.exec(line)![0].length;

/**
 * The lines (0-based, end exclusive) of the container that holds line `at`: the item of a `containers:` list, from the
 * nearest item dash above it at the list's indentation to the next line as shallow as that dash; in Argo's and
 * Tekton's documents (`pipeline`), also a step of `steps:` and the map under an Argo template's `container:`/`script:`.
 */
function containerAround(lines: readonly string[], at: number, pipeline: boolean): { start: number; end: number } | undefined {
  let list = -1;
  for (let index = at; index >= 0; index--) {
    const line = lines[index]!;
    if (pipeline && SINGLE_CONTAINER.test(line)) {
      const indent = indentOf(line);
      let end = index + 1;
      while (end < lines.length && (lines[end]!.trim() === '' || indentOf(lines[end]!) > indent)) end++;
      return end > at ? { start: index, end } : undefined;
    }
    if (CONTAINER_LIST.test(line) && (pipeline || !/^\s*(?:steps|sidecars):/.test(line))) {
      list = index;
      break;
    }
  }
  if (list === -1) return undefined;
  let itemIndent = -1;
  for (let index = list + 1; index < lines.length; index++) {
    if (/^\s*-\s/.test(lines[index]!)) {
      itemIndent = indentOf(lines[index]!);
      break;
    }
    if (lines[index]!.trim() !== '' && !/^\s*\{\{/.test(lines[index]!)) return undefined;
  }
  let start = -1;
  for (let index = at; index > list; index--) {
    if (indentOf(lines[index]!) === itemIndent && /^\s*-\s/.test(lines[index]!)) {
      start = index;
      break;
    }
  }
  if (start === -1) return undefined;
  let end = start + 1;
  while (end < lines.length && (lines[end]!.trim() === '' || indentOf(lines[end]!) > itemIndent)) end++;
  return { start, end };
}

/**
 * The Secrets the container mounts as files: its `volumeMounts` items naming a volume that the pod (an Argo template,
 * a Tekton Task) declares with `secret: secretName: X`. The mount's line is where the Secret is held.
 */
function mountedSecrets(lines: readonly string[], start: number, end: number): HeldSecret[] {
  const mounts = start < end ? lines.slice(start, end).findIndex((line) => /^\s*volumeMounts:\s*$/.test(line)) : -1;
  if (mounts === -1) return [];
  const volumes = secretVolumes(lines);
  if (volumes.size === 0) return [];
  const at = start + mounts;
  const indent = indentOf(lines[at]!);
  const held: HeldSecret[] = [];
  let item: { name?: string; mountPath?: string; line: number } | undefined;
  const flush = () => {
    const volume = item?.name !== undefined ? volumes.get(item.name) : undefined;
    if (item && volume) held.push({ variable: undefined, secret: volume, line: item.line, mountPath: item.mountPath ?? '(its mount path)' });
  };
  for (let index = at + 1; index < end && (lines[index]!.trim() === '' || indentOf(lines[index]!) > indent); index++) {
    const line = lines[index]!;
    if (/^\s*-\s/.test(line)) {
      flush();
      item = { line: index + 1 };
    }
    if (!item) continue;
    const name = /^\s*(?:-\s+)?name:\s*["']?([\w.-]+)/.exec(line)?.[1];
    const path = /^\s*(?:-\s+)?mountPath:\s*["']?([^"'\s#]+)/.exec(line)?.[1];
    if (name) item.name = name;
    if (path) item.mountPath = path;
  }
  flush();
  return held;
}

/** Every volume of the file backed by a Secret: volume name -> the Secret's name (`- name: creds` / `secret: secretName: X`). */
function secretVolumes(lines: readonly string[]): Map<string, string> {
  const volumes = new Map<string, string>();
  lines.forEach((line, index) => {
    const secret = /^\s*secretName:\s*["']?(\{\{[^}]*\}\}|[\w.-]+)/.exec(line)?.[1];
    if (!secret) return;
    const indent = indentOf(line);
    for (let above = index - 1; above >= 0 && above >= index - 6; above--) {
      const volume = /^(\s*)-\s+name:\s*["']?([\w.-]+)/.exec(lines[above]!);
      if (volume && volume[1]!.length < indent) {
        volumes.set(volume[2]!, secret);
        return;
      }
    }
  });
  return volumes;
}

/** The secrets of a Tekton Task's `stepTemplate:` block, which every step inherits. */
function templateSecrets(lines: readonly string[]): HeldSecret[] {
  const at = lines.findIndex((line) => /^\s*stepTemplate:\s*$/.test(line));
  if (at === -1) return [];
  const indent = indentOf(lines[at]!);
  let end = at + 1;
  while (end < lines.length && (lines[end]!.trim() === '' || indentOf(lines[end]!) > indent)) end++;
  return secretsIn(lines, at, end);
}

/** `envFrom: - secretRef: name: X` and `env: - name: V valueFrom: secretKeyRef: name: X` within the lines. */
function secretsIn(lines: readonly string[], start: number, end: number): HeldSecret[] {
  const held: HeldSecret[] = [];
  for (let index = start; index < end; index++) {
    const ref = /^\s*(?:-\s+)?(secretRef|secretKeyRef):\s*(?:\{[^}]*?\bname:\s*["']?([\w.-]+))?/.exec(lines[index]!);
    if (!ref) continue;
    const indent = indentOf(lines[index]!);
    let secret: string | undefined = ref[2];
    for (let next = index + 1; secret === undefined && next < end && indentOf(lines[next]!) > indent; next++) {
      // A Helm template's name is the whole expression: `name: {{ .Values.agent.secretName }}`.
      secret = /^\s*name:\s*["']?(\{\{[^}]*\}\}|[^"'\s#]+)/.exec(lines[next]!)?.[1] ?? secret;
      if (secret) break;
    }
    if (!secret) continue;
    let variable: string | undefined;
    if (ref[1] === 'secretKeyRef') {
      for (let above = index - 1; above >= start; above--) {
        const name = /^\s*-\s+name:\s*["']?([A-Za-z_][\w.-]*)/.exec(lines[above]!);
        if (name) {
          variable = name[1];
          break;
        }
      }
    }
    held.push({ variable, secret, line: index + 1 });
  }
  return held;
}
