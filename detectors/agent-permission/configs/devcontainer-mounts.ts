// A dev container that runs a coding agent and bind-mounts the host's credentials into it: `~/.aws`, `~/.kube`,
// `~/.config/gcloud`, the whole home, or Docker's socket. Teams run agents with approvals off inside a dev container
// because it is the sandbox; such a mount hands the agent what the sandbox was to keep from it, and no ignore file
// or deny rule of the repository covers a path outside it. The same holds for the host's variables the container is
// given (`"remoteEnv": { "RAILWAY_API_TOKEN": "${localEnv:RAILWAY_API_TOKEN}" }`): production's token, in the agent's env.
import type { FileEmitter, SourceFile, Span } from '../../../src/model.js';
import { get, type DataNode, type MapNode } from '../../../src/parse/data-tree.js';
import { agentTitle, type AgentId } from '../../../knowledge/agents/agents.js';
import { outsideReach } from '../../../knowledge/agents/outside.js';
import { reachesProductionByName } from '../../../knowledge/credentials/account-variables.js';
import { isProductionName } from '../../../knowledge/environments/names.js';
import { AGENT_OWN } from './agent-secrets.js';
import { LAUNCH_FLAGS } from '../../../knowledge/agents/launch-flags.js';
import { productionSecretToAgent } from '../rules/production-secret-to-agent.js';
import { RULE_IDS } from '../permission.js';
import { lineSpan, rootMap } from './tree.js';

/** Words that say which agent a dev container installs or starts: a feature's id, a lifecycle command, an extension. */
const CONTAINER_AGENTS: ReadonlyArray<[RegExp, AgentId]> = [
  [/claude-code|@anthropic-ai\/claude|\bclaude\s+(?:-|--)/i, 'claude-code'],
  [/@openai\/codex|\/codex(?:-cli)?[:@"/]|\bcodex\s+(?:exec|--)/i, 'codex'],
  [/gemini-cli|@google\/gemini/i, 'gemini-cli'],
  [/opencode/i, 'opencode'],
  [/copilot-cli|@github\/copilot\b/i, 'copilot'],
];

/** Where a dev container says what it installs and runs. */
const AGENT_EVIDENCE_KEYS = ['features', 'postCreateCommand', 'postStartCommand', 'postAttachCommand', 'onCreateCommand', 'updateContentCommand', 'customizations'];

/** The host's home as a dev container writes it, in its local and (older) env forms, Windows' USERPROFILE beside it. */
const HOST_HOME = /^(?:\$\{(?:localEnv|env):(?:HOME|USERPROFILE)\})+/;

const DOCKER_SOCKET = /^\/(?:var\/)?run\/docker\.sock$/;

export function readDevcontainerMounts(file: SourceFile, out: FileEmitter): void {
  const root = rootMap(file, out);
  if (!root) return;
  const mounts = [...mountsOf(get(root, 'mounts')), ...runArgMounts(get(root, 'runArgs'))];
  const variables = hostVariables(root);
  if (mounts.length === 0 && variables.length === 0) return;
  const evidence = root.entries.filter((entry) => AGENT_EVIDENCE_KEYS.includes(entry.key)).map((entry) => textOf(entry.value)).join('\n');
  const agent = containerAgent(evidence);
  if (!agent) return;
  // Started with approvals off by its own lifecycle command, the agent runs whatever it decides with those variables.
  const bypass = variables.length > 0 ? LAUNCH_FLAGS.find((flag) => flag.grant === 'bypass-mode' && flag.flag.test(evidence) && (!flag.command || flag.command.test(evidence))) : undefined;
  if (bypass) {
    const first = variables[0]!;
    out.report({
      ruleId: productionSecretToAgent.id,
      message:
        `${file.path} starts ${agentTitle(bypass.agent)} with approvals off in a dev container whose environment holds the host's production or account-wide ` +
        `credentials (${variables.map((variable) => variable.host).join(', ')}): any command the agent decides to run reaches production with them.`,
      location: { path: file.path, span: lineSpan(file, first.span) },
      snippet: file.line(first.span.line).trim(),
      evidence: `host-env-bypass|${bypass.agent}|${variables.map((variable) => variable.name).join(',')}`,
      related: variables.slice(1, 6).map((variable) => ({ location: { path: file.path, span: lineSpan(file, variable.span) }, message: variable.setting })),
      details: { agent: bypass.agent, variables: variables.map((variable) => variable.name) },
    });
  }
  for (const variable of bypass ? [] : variables) {
    out.report({
      ruleId: RULE_IDS.secretEnvironmentInherited,
      message:
        `${variable.setting} in ${file.path} copies the host's ${variable.host} into the container where ${agentTitle(agent)} runs: ` +
        `a production or account-wide credential of whoever opens it is in the environment of every command the agent runs, and \`env\` prints it.`,
      location: { path: file.path, span: lineSpan(file, variable.span) },
      snippet: file.line(variable.span.line).trim(),
      evidence: `host-env|${agent}|${variable.name}`,
      details: { agent, variables: [variable.name] },
    });
  }
  for (const mount of mounts) {
    const source = mount.source.replace(HOST_HOME, '~');
    const socket = DOCKER_SOCKET.test(source);
    if (!socket && outsideReach(source) !== 'home-or-root') continue;
    out.report({
      ruleId: RULE_IDS.directoryOutsideRepo,
      message:
        `${mount.setting} in ${file.path} mounts the host's ${source} into the container where ${agentTitle(agent)} runs: ` +
        (socket
          ? "through the host's Docker the agent starts containers that mount any host path, every credential of the host's user included."
          : "the cloud credentials and keys of whoever opens it are there for the agent to read and use, and no ignore file or deny rule of the repository covers them."),
      location: { path: file.path, span: lineSpan(file, mount.span) },
      snippet: file.line(mount.span.line).trim(),
      evidence: `outside|${agent}|${source}`,
      details: { agent, directory: source },
    });
  }
}

interface Mount {
  source: string;
  setting: string;
  span: Span;
}

interface HostVariable {
  name: string;
  host: string;
  setting: string;
  span: Span;
}

const LOCAL_ENV = /\$\{localEnv:([A-Za-z_][A-Za-z0-9_]*)(?::[^}]*)?\}/;

/**
 * `remoteEnv` and `containerEnv` entries that take a host variable holding production's or an account's credential,
 * by the name it has on either side (`PROD_DATABASE_URL`, `RAILWAY_API_TOKEN`); the agent's own key is not counted.
 */
function hostVariables(root: MapNode): HostVariable[] {
  const found: HostVariable[] = [];
  for (const key of ['remoteEnv', 'containerEnv']) {
    const env = get(root, key);
    if (env?.kind !== 'map') continue;
    for (const entry of env.entries) {
      if (entry.value.kind !== 'scalar' || typeof entry.value.value !== 'string') continue;
      const host = LOCAL_ENV.exec(entry.value.value)?.[1];
      if (!host || AGENT_OWN.test(entry.key) || AGENT_OWN.test(host)) continue;
      if (!reachesProductionByName(entry.key, host) && ![entry.key, host].some((name) => isProductionName(name) && /(?:TOKEN|SECRET|KEY|PASSWORD|PASS|PWD|URL|URI|DSN|CREDENTIALS?)$/i.test(name))) continue;
      found.push({ name: entry.key, host, setting: `"${key}": { "${entry.key}": "${entry.value.value}" }`, span: entry.value.span });
    }
  }
  return found;
}

/** `mounts`: strings in Docker's `--mount` syntax (`source=...,target=...,type=bind`) or objects of the same keys. */
function mountsOf(node: DataNode | undefined): Mount[] {
  if (node?.kind !== 'seq') return [];
  const mounts: Mount[] = [];
  for (const item of node.items) {
    if (item.kind === 'scalar' && typeof item.value === 'string') {
      const fields = mountFields(item.value);
      if (fields.type !== 'volume' && fields.source) mounts.push({ source: fields.source, setting: `"mounts": "${item.value}"`, span: item.span });
    } else if (item.kind === 'map') {
      const source = get(item, 'source');
      const type = get(item, 'type');
      if (source?.kind === 'scalar' && typeof source.value === 'string' && !(type?.kind === 'scalar' && type.value === 'volume')) {
        mounts.push({ source: source.value, setting: `"mounts": { "source": "${source.value}" }`, span: source.span });
      }
    }
  }
  return mounts;
}

function mountFields(spec: string): { source?: string; type?: string } {
  const fields: { source?: string; type?: string } = {};
  for (const part of spec.split(',')) {
    const [key, ...rest] = part.split('=');
    const value = rest.join('=').trim();
    const name = key!.trim();
    if (name === 'source' || name === 'src') fields.source = value;
    else if (name === 'type') fields.type = value;
  }
  return fields;
}

/** `runArgs`: `-v host:container` and `--volume`/`--mount` as `docker run` takes them. */
function runArgMounts(node: DataNode | undefined): Mount[] {
  if (node?.kind !== 'seq') return [];
  const mounts: Mount[] = [];
  node.items.forEach((item, index) => {
    if (item.kind !== 'scalar' || typeof item.value !== 'string') return;
    const flag = /^(-v|--volume|--mount)(?:=(.*))?$/.exec(item.value);
    if (!flag) return;
    const next = node.items[index + 1];
    const argument = flag[2] ?? (next?.kind === 'scalar' && typeof next.value === 'string' ? next.value : undefined);
    if (!argument) return;
    // The host side ends at the first colon once the home's `${localEnv:HOME}` (a colon of its own) is read.
    const source = flag[1] === '--mount' ? mountFields(argument).source : argument.replace(HOST_HOME, '~').split(':')[0];
    if (source) mounts.push({ source, setting: `"runArgs": "${flag[1]} ${argument}"`, span: item.span });
  });
  return mounts;
}

function containerAgent(text: string): AgentId | undefined {
  return CONTAINER_AGENTS.find(([pattern]) => pattern.test(text))?.[1];
}

/** Every key and string of a subtree, one a line: enough to find an agent's name in features, commands and extensions. */
function textOf(node: DataNode): string {
  if (node.kind === 'scalar') return typeof node.value === 'string' ? node.value : '';
  if (node.kind === 'seq') return node.items.map(textOf).join('\n');
  return node.entries.map((entry) => `${entry.key}\n${textOf(entry.value)}`).join('\n');
}
