// MCP servers configured in the repository, in every agent's file and shape (shared/research/agents.md §3a): literal
// credentials handed to a server (the agent holds them at tool level), database and cloud servers without their
// read-only brake pointed at production or holding an account-wide credential, and tools approved in advance.
import { outsideReach } from '../../../knowledge/agents/outside.js';
import type { FileEmitter, SourceFile, Span } from '../../../src/model.js';
import { get, type DataNode, type MapNode } from '../../../src/parse/data-tree.js';
import { redactIn } from '../../../src/redact.js';
import { canonicalEnvironment, tokensOf } from '../../../knowledge/environments/names.js';
import { agentTitle, type AgentId } from '../../../knowledge/agents/agents.js';
import { mcpServerKind, WRITE_TOOL_NAME, type McpServerEntry } from '../../../knowledge/agents/mcp-servers.js';
import { connectionStringPassword, hasSecretPrefix, hostOf, isLiteralSecret, isSecretName, withoutShellDefault } from '../../../knowledge/agents/values.js';
import { emitConfig, emitPermission, RULE_IDS } from '../permission.js';
import { frontMatter, invalid, lineSpan, rootMap } from './tree.js';

interface McpFile {
  test: RegExp;
  agent: AgentId;
  /** Key to the servers: a map of name -> server, or (Continue) a list of servers with `name`. */
  key: string;
  /**
   * Where else servers sit, as key paths (`*` is any key): VS Code's settings keep them under `mcp.servers`, a
   * committed `~/.claude.json` per project under `projects.<path>.mcpServers`.
   */
  nested?: ReadonlyArray<readonly string[]>;
  /** How the agent references a secret instead of writing it. */
  reference: (variable: string) => string;
  /** The file is also the agent's settings, read (and its shape reported) by that agent's reader. */
  settings?: boolean;
  /** The servers are in the Markdown file's YAML front matter (a custom agent's profile). */
  frontMatter?: boolean;
}

const dollar = (variable: string) => `\${${variable}}`;

const MCP_FILES: readonly McpFile[] = [
  { test: /(^|\/)\.mcp\.json$/, agent: 'claude-code', key: 'mcpServers', reference: dollar },
  { test: /(^|\/)\.cursor\/mcp\.json$/, agent: 'cursor', key: 'mcpServers', reference: (v) => `\${env:${v}}` },
  { test: /(^|\/)\.vscode\/mcp\.json$/, agent: 'copilot', key: 'servers', reference: (v) => `\${input:${v.toLowerCase().replace(/_/g, '-')}} (an input with "password": true)` },
  { test: /(^|\/)\.gemini\/settings\.json$/, agent: 'gemini-cli', key: 'mcpServers', reference: (v) => `$${v}`, settings: true },
  { test: /(^|\/)\.roo\/mcp\.json$/, agent: 'roo-code', key: 'mcpServers', reference: (v) => `\${env:${v}}` },
  { test: /(^|\/)\.kilocode\/mcp\.json$/, agent: 'kilo-code', key: 'mcpServers', reference: (v) => `\${env:${v}}` },
  { test: /(^|\/)\.amazonq\/mcp\.json$/, agent: 'amazon-q', key: 'mcpServers', reference: dollar },
  { test: /(^|\/)\.amazonq\/cli-agents\/[^/]+\.json$/, agent: 'amazon-q', key: 'mcpServers', reference: dollar, settings: true },
  { test: /(^|\/)\.kiro\/settings\/mcp\.json$/, agent: 'kiro', key: 'mcpServers', reference: dollar },
  { test: /(^|\/)\.kiro\/agents\/[^/]+\.json$/, agent: 'kiro', key: 'mcpServers', reference: dollar, settings: true },
  // Kiro 3's Markdown agent profiles declare their MCP servers in the front matter.
  { test: /(^|\/)\.kiro\/agents\/(?:[^/]+\/)*[^/]+\.md$/, agent: 'kiro', key: 'mcpServers', reference: dollar, frontMatter: true },
  { test: /(^|\/)\.junie\/mcp\/mcp\.json$/, agent: 'junie', key: 'mcpServers', reference: dollar },
  { test: /(^|\/)\.zed\/settings\.json$/, agent: 'zed', key: 'context_servers', reference: dollar, settings: true },
  { test: /(^|\/)\.codex\/config\.toml$/, agent: 'codex', key: 'mcp_servers', reference: (v) => `env_vars = ["${v}"] (or bearer_token_env_var)`, settings: true },
  { test: /(^|\/)(?:\.opencode\/)?opencode\.jsonc?$/, agent: 'opencode', key: 'mcp', reference: (v) => `{env:${v}}`, settings: true },
  { test: /(^|\/)(?:\.kilo\/)?kilo\.jsonc?$/, agent: 'kilo-code', key: 'mcp', reference: (v) => `{env:${v}}`, settings: true },
  { test: /(^|\/)\.amp\/settings\.jsonc?$/, agent: 'amp', key: 'amp.mcpServers', reference: dollar, settings: true },
  { test: /(^|\/)\.continue\/mcpServers\/[^/]+\.ya?ml$/, agent: 'continue', key: 'mcpServers', reference: (v) => `\${{ secrets.${v} }}` },
  // Continue also takes Claude-style JSON drop-ins, and servers in its main config.
  { test: /(^|\/)\.continue\/mcpServers\/[^/]+\.json$/, agent: 'continue', key: 'mcpServers', reference: (v) => `\${{ secrets.${v} }}` },
  { test: /(^|\/)\.continue\/config\.ya?ml$/, agent: 'continue', key: 'mcpServers', reference: (v) => `\${{ secrets.${v} }}`, settings: true },
  // Copilot's custom agents (`.github/agents/<name>.agent.md`): their profile's front matter may declare MCP servers,
  // which the coding agent runs without asking (secrets go in the repository's Copilot environment, `$COPILOT_MCP_…`).
  { test: /(^|\/)\.github\/agents\/[^/]+\.md$/, agent: 'copilot', key: 'mcp-servers', reference: (v) => `$COPILOT_MCP_${v}`, frontMatter: true },
  // VS Code's settings held MCP servers before .vscode/mcp.json did, and still may.
  { test: /(^|\/)\.vscode\/settings\.json$/, agent: 'copilot', key: 'mcp.servers', nested: [['mcp', 'servers']], reference: (v) => `\${input:${v.toLowerCase().replace(/_/g, '-')}} (an input with "password": true)`, settings: true },
  // OpenHands' `config.toml`: `[mcp] stdio_servers = [{ name, command, args, env }]` (any other config.toml has none).
  { test: /(^|\/)config\.toml$/, agent: 'openhands', key: 'mcp.stdio_servers', nested: [['mcp', 'stdio_servers']], reference: dollar, settings: true },
  // Auggie's project settings hold MCP servers beside its tool permissions.
  { test: /(^|\/)\.augment\/settings(?:\.local)?\.json$/, agent: 'augment', key: 'mcpServers', reference: dollar, settings: true },
  // goose's configuration, committed with dotfiles: its `extensions` are MCP servers (`cmd`, `args`, `envs`, `uri`).
  { test: /(^|\/)(?:\.config\/)?goose\/config\.ya?ml$/, agent: 'goose', key: 'extensions', reference: (v) => `env_keys: [${v}] (the value kept in the keyring or the environment)`, settings: true },
  // User-level files that get committed by mistake.
  { test: /(^|\/)claude_desktop_config\.json$/, agent: 'claude-code', key: 'mcpServers', reference: dollar },
  { test: /(^|\/)\.claude\.json$/, agent: 'claude-code', key: 'mcpServers', nested: [['projects', '*', 'mcpServers']], reference: dollar, settings: true },
  { test: /(^|\/)cline_mcp_settings\.json$/, agent: 'cline', key: 'mcpServers', reference: dollar },
  { test: /(^|\/)mcp_config\.json$/, agent: 'windsurf', key: 'mcpServers', reference: dollar },
];

export function isMcpFile(path: string): boolean {
  return MCP_FILES.some((candidate) => candidate.test.test(path));
}

interface Positioned {
  value: string;
  span: Span;
}

/** A server entry with the positions of everything a finding may sit on. */
interface ServerNode extends McpServerEntry {
  nameSpan: Span;
  argNodes: Positioned[];
  envNodes: Array<Positioned & { key: string }>;
  headerNodes: Array<Positioned & { key: string }>;
  urlNode?: Positioned;
  disabled: boolean;
  node: MapNode;
}

export function readMcpFile(file: SourceFile, out: FileEmitter): void {
  const spec = MCP_FILES.find((candidate) => candidate.test.test(file.path));
  if (!spec) return;
  const root = spec.frontMatter ? frontMatter(file) : spec.settings ? quietRoot(file) : rootMap(file, out);
  if (!root) return;
  const containers = containersOf(root, spec);
  if (containers.length === 0) return;
  emitConfig(out, spec.agent, 'mcp', file.path);
  const servers: ServerNode[] = [];
  for (const container of containers) if (!collectServers(file, out, spec, container, servers)) return;
  for (const server of servers) {
    reportInlineCredentials(file, out, spec, server);
    if (server.disabled) continue;
    reportWriteAccess(file, out, spec, server);
    reportApprovedTools(file, out, spec, server);
    publishTool(file, out, spec, server);
    reportFilesystemReach(file, out, spec, server);
  }
}

/** Every node the spec says holds servers: the top-level key, then the nested paths. */
function containersOf(root: MapNode, spec: McpFile): DataNode[] {
  const found: DataNode[] = [];
  const top = root.entries.find((entry) => entry.key === spec.key)?.value;
  if (top) found.push(top);
  for (const path of spec.nested ?? []) {
    let level: DataNode[] = [root];
    for (const step of path) {
      level = level.flatMap((node) => (node.kind !== 'map' ? [] : node.entries.filter((entry) => step === '*' || entry.key === step).map((entry) => entry.value)));
    }
    found.push(...level);
  }
  return found;
}

/** Reads one container's servers into `servers`; false when its shape is wrong (reported). */
function collectServers(file: SourceFile, out: FileEmitter, spec: McpFile, container: DataNode, servers: ServerNode[]): boolean {
  if (container.kind === 'map') {
    for (const entry of container.entries) {
      if (entry.value.kind !== 'map') {
        invalid(file, out, `MCP server "${entry.key}" in ${file.path} is not an object; it was ignored.`, entry.keySpan.line);
        continue;
      }
      servers.push(serverOf(entry.key, entry.keySpan, entry.value));
    }
  } else if (container.kind === 'seq') {
    for (const item of container.items) {
      const name = get(item, 'name');
      if (item.kind !== 'map' || name?.kind !== 'scalar') {
        invalid(file, out, `An MCP server in ${file.path} has no name; it was ignored.`, item.span.line);
        continue;
      }
      servers.push(serverOf(String(name.value), name.span, item));
    }
  } else {
    invalid(file, out, `${spec.key} in ${file.path} should be an object of MCP servers; it was ignored.`, container.span.line);
    return false;
  }
  return true;
}

function quietRoot(file: SourceFile): MapNode | undefined {
  const root = file.data()?.roots[0];
  return root?.kind === 'map' ? root : undefined;
}

function serverOf(name: string, nameSpan: Span, node: MapNode): ServerNode {
  // goose names them `cmd` and `envs`.
  let commandNode = get(node, 'command') ?? get(node, 'cmd');
  let argsNode = get(node, 'args');
  let envNode = get(node, 'env') ?? get(node, 'environment') ?? get(node, 'envs');
  // Zed's legacy shape nests the process under `command: { path, args, env }`.
  if (commandNode?.kind === 'map') {
    argsNode = get(commandNode, 'args') ?? argsNode;
    envNode = get(commandNode, 'env') ?? envNode;
    commandNode = get(commandNode, 'path');
  }
  const argNodes: Positioned[] = [];
  let command: string | undefined;
  // OpenCode writes the whole command line as a list.
  if (commandNode?.kind === 'seq') {
    const [first, ...rest] = commandNode.items.flatMap(scalarOf);
    command = first?.value;
    argNodes.push(...rest);
  } else if (commandNode) {
    command = scalarOf(commandNode)[0]?.value;
  }
  if (argsNode?.kind === 'seq') argNodes.push(...argsNode.items.flatMap(scalarOf));
  const envNodes = pairsOf(envNode);
  const headerNodes = [...pairsOf(get(node, 'headers')), ...pairsOf(get(node, 'http_headers'))];
  const bearer = get(node, 'bearer_token');
  if (bearer?.kind === 'scalar' && typeof bearer.value === 'string') headerNodes.push({ key: 'Authorization', value: `Bearer ${bearer.value}`, span: bearer.span });
  const urlNode = ['url', 'httpUrl', 'serverUrl', 'uri'].map((key) => scalarOf(get(node, key))[0]).find(Boolean);
  const disabledNode = get(node, 'disabled');
  const enabledNode = get(node, 'enabled');
  return {
    name,
    nameSpan,
    node,
    command,
    args: argNodes.map((arg) => arg.value),
    argNodes,
    env: Object.fromEntries(envNodes.map((pair) => [pair.key, pair.value])),
    envNodes,
    headers: Object.fromEntries(headerNodes.map((pair) => [pair.key, pair.value])),
    headerNodes,
    url: urlNode?.value,
    urlNode,
    disabled: (disabledNode?.kind === 'scalar' && disabledNode.value === true) || (enabledNode?.kind === 'scalar' && enabledNode.value === false),
  };
}

function scalarOf(node: DataNode | undefined): Positioned[] {
  if (node?.kind !== 'scalar' || node.value === null) return [];
  return [{ value: node.expression ?? String(node.value), span: node.span }];
}

function pairsOf(node: DataNode | undefined): Array<Positioned & { key: string }> {
  if (node?.kind !== 'map') return [];
  return node.entries.flatMap((entry) => scalarOf(entry.value).map((value) => ({ key: entry.key, ...value })));
}

/** `NAME=value` at the start of an argument or after a blank: a variable a shell command sets. */
const SHELL_ASSIGNMENT = /(?:^|\s)[A-Za-z_][A-Za-z0-9_]*=\S/;
const SHELL_ASSIGNMENTS = /(?:^|\s)([A-Za-z_][A-Za-z0-9_]*)=("[^"]*"|'[^']*'|\S+)/g;

// --- mcp-inline-credential --------------------------------------------------------------------------------

const LOCAL_HOST = /^(?:localhost|127\.\d+\.\d+\.\d+|0\.0\.0\.0|::1|host\.docker\.internal|[\w-]+\.local)$/i;
// `--key` alone is Smithery's: `@smithery/cli run <server> --key <uuid>`, what its installer writes into MCP configs.
const SECRET_FLAG = /^--?(?:[\w-]*(?:token|secret|password|passwd|api-?key|apikey|access-key|private-key|credential|auth|pat|dsn|connection-?string)|key)$/i;

interface InlineSecret {
  /** Where in the entry: `env SUPABASE_ACCESS_TOKEN`, `header Authorization`, `argument --access-token`, `url`. */
  where: string;
  variable: string;
  secret: string;
  span: Span;
}

function inlineSecrets(server: ServerNode): InlineSecret[] {
  const found: InlineSecret[] = [];
  for (const pair of server.envNodes) {
    // A variable may hold a header set as JSON (Notion's `OPENAPI_MCP_HEADERS: {"Authorization": "Bearer ntn_…"}`).
    const secret = secretIn(pair.key, pair.value) ?? bearerIn(pair.value);
    if (secret) found.push({ where: `env ${pair.key}`, variable: pair.key, secret, span: pair.span });
  }
  for (const pair of server.headerNodes) {
    const bearer = /^\s*(?:bearer|basic|token)\s+(\S+)\s*$/i.exec(pair.value)?.[1];
    const value = bearer ?? pair.value;
    if ((bearer !== undefined || isSecretName(pair.key)) && isLiteralSecret(value)) {
      found.push({ where: `header ${pair.key}`, variable: variableFor(server.name, 'token'), secret: value, span: pair.span });
    }
  }
  server.argNodes.forEach((arg, index) => {
    const assigned = /^(--?[\w-]+)=(.+)$/s.exec(arg.value);
    const header = /^(?:authorization|x-api-key|api-key)\s*:\s*(?:bearer\s+|basic\s+|token\s+)?(\S+)$/i.exec(arg.value.trim());
    let secret: string | undefined;
    let flag = '';
    if (assigned && SECRET_FLAG.test(assigned[1]!)) {
      flag = assigned[1]!;
      secret = isLiteralSecret(assigned[2]!) ? assigned[2]! : undefined;
    } else if (header) {
      flag = 'header';
      secret = isLiteralSecret(header[1]!) ? header[1]! : undefined;
    } else if (index > 0 && SECRET_FLAG.test(server.argNodes[index - 1]!.value) && !arg.value.startsWith('-')) {
      flag = server.argNodes[index - 1]!.value;
      secret = isLiteralSecret(arg.value) ? arg.value : undefined;
    } else if (/^[A-Za-z_][A-Za-z0-9_]*=./s.test(arg.value) || (/\s/.test(arg.value) && SHELL_ASSIGNMENT.test(arg.value))) {
      // `docker run -e GITHUB_PERSONAL_ACCESS_TOKEN=ghp_…`: a variable set on the command line; in a shell command
      // (`bash -c "GITHUB_PERSONAL_ACCESS_TOKEN=ghp_… npx -y …"`), every assignment in it.
      for (const assignment of arg.value.matchAll(SHELL_ASSIGNMENTS)) {
        secret = secretIn(assignment[1]!, assignment[2]!.replace(/^(["'])(.*)\1$/, '$2'));
        flag = `argument ${assignment[1]}`;
        if (secret) break;
      }
    } else if (/^https?:\/\//i.test(arg.value)) {
      // A remote server's URL handed to a bridge (`mcp-remote https://…/sse?api_key=…`).
      secret = querySecret(arg.value) ?? connectionSecret(arg.value);
      flag = `URL in argument ${index + 1}`;
    } else {
      secret = secretIn('', arg.value) ?? (index > 0 && looksGenerated(arg.value) ? arg.value : undefined);
      flag = hostOf(arg.value) ? `connection string in argument ${index + 1}` : `argument ${index + 1}`;
    }
    const variable = flag.startsWith('connection') ? variableFor(server.name, 'database_url') : variableFor(server.name, flag.replace(/^-+/, ''));
    if (secret) found.push({ where: flag.startsWith('-') ? `argument ${flag}` : flag, variable, secret, span: arg.span });
  });
  if (server.urlNode) {
    const secret = querySecret(server.urlNode.value) ?? connectionSecret(server.urlNode.value);
    if (secret) found.push({ where: 'url', variable: variableFor(server.name, 'token'), secret, span: server.urlNode.span });
  }
  return found;
}

/** A literal secret in a URL's query (`?api_key=…`, `&token=…`). */
function querySecret(url: string): string | undefined {
  // Remote servers name the parameter after themselves: `?tavilyApiKey=`, `?exaApiKey=`, `?firecrawlKey=`.
  const query = /[?&](?:[a-z]+)?(?:api[_-]?key|apikey|key|token|access[_-]?token|auth|secret)=([^&#\s]+)/i.exec(url)?.[1];
  if (query && isLiteralSecret(query)) return query;
  // Firecrawl's hosted server takes the key as a path segment: `https://mcp.firecrawl.dev/fc-<key>/sse`.
  const segment = /^https?:\/\/[^/]+\/(fc-[0-9a-f]{32})(?:\/|$)/i.exec(url)?.[1];
  return segment && isLiteralSecret(segment) ? segment : undefined;
}

/** A bearer or token credential written inside a value (a header set as JSON or text). */
function bearerIn(value: string): string | undefined {
  const token = /\b(?:bearer|token)\s+([A-Za-z0-9._~+/=-]{16,})/i.exec(value)?.[1];
  return token && isLiteralSecret(token) ? token : undefined;
}

/**
 * A bare argument that can only be a generated key (`mcp-server-neon start <api key>`): long, one token of
 * letters and digits in both cases, no path, host or package punctuation.
 */
function looksGenerated(value: string): boolean {
  return /^[A-Za-z0-9_-]{32,}$/.test(value) && /[a-z]/.test(value) && /[A-Z]/.test(value) && /\d/.test(value) && isLiteralSecret(value);
}

/** The literal secret a name/value pair holds: a secret-named literal, a provider-prefixed value, a connection password. */
function secretIn(name: string, written: string): string | undefined {
  const value = withoutShellDefault(written);
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value.trim())) return connectionSecret(value);
  if (hasSecretPrefix(value) && isLiteralSecret(value)) return value.trim();
  if (name && isSecretName(name) && isLiteralSecret(value)) return value.trim();
  return undefined;
}

function connectionSecret(value: string): string | undefined {
  const password = connectionStringPassword(value);
  const host = hostOf(value);
  if (!password || (host && LOCAL_HOST.test(host))) return undefined;
  return password;
}

function variableFor(server: string, field: string): string {
  return `${server}_${field}`.toUpperCase().replace(/[^A-Z0-9]+/g, '_').replace(/^_|_$/g, '');
}

function reportInlineCredentials(file: SourceFile, out: FileEmitter, spec: McpFile, server: ServerNode): void {
  const title = agentTitle(spec.agent);
  for (const secret of inlineSecrets(server)) {
    const line = file.line(secret.span.line);
    out.report({
      ruleId: RULE_IDS.mcpInlineCredential,
      message:
        `The MCP server "${server.name}" in ${file.path} is given a literal credential (${secret.where}): ` +
        `${title} ${secret.where.startsWith('header') || secret.where === 'url' ? 'sends it with every request to the server' : 'starts the server with it'}, ` +
        `so every tool the agent calls acts with that credential's full scope; reference it as ${spec.reference(secret.variable)} instead.`,
      location: { path: file.path, span: lineSpan(file, secret.span) },
      snippet: redactIn(line.trim(), secret.secret),
      evidence: `mcp-credential|${server.name}|${secret.where}`,
      details: { agent: spec.agent, server: server.name, field: secret.where },
    });
  }
}

// --- mcp-write-access ---------------------------------------------------------------------------------------

/** Why the entry points at production, if it does: its name, a host, a profile or a variable says so. */
function productionEvidence(server: ServerNode): string | undefined {
  const candidates: Array<[string, string]> = [[server.name, `its name "${server.name}"`]];
  const plain = (value: string) => /^[\w.:@/-]{1,60}$/.test(value) && !value.startsWith('-') && !hasSecretPrefix(value);
  server.args.forEach((value, index) => {
    const host = hostOf(value);
    if (host) candidates.push(...endpointOf(value, host));
    else if (plain(value) && !(index > 0 && SECRET_FLAG.test(server.args[index - 1]!))) candidates.push([value, `argument "${value}"`]);
  });
  for (const [key, value] of Object.entries(server.env)) {
    const host = hostOf(value);
    if (host) candidates.push(...endpointOf(value, host));
    else if (plain(value) && !isSecretName(key) && !IGNORED_VARIABLES.has(key)) candidates.push([value, `${key}=${value}`]);
    if (!IGNORED_VARIABLES.has(key)) candidates.push([key, `variable ${key}`]);
  }
  // Variables the entry references: `${PROD_DATABASE_URL}`, `${env:ORDERS_PRODUCTION_DSN}`, `$LIVE_DB`.
  for (const value of [...server.args, ...Object.values(server.env), server.url ?? '']) {
    for (const reference of value.matchAll(/\$\{(?:env:)?([A-Za-z_][A-Za-z0-9_]*)\}|\{env:([A-Za-z_][A-Za-z0-9_]*)\}|\$([A-Za-z_][A-Za-z0-9_]*)/g)) {
      const variable = reference[1] ?? reference[2] ?? reference[3]!;
      if (!IGNORED_VARIABLES.has(variable)) candidates.push([variable, `variable ${variable}`]);
    }
  }
  const urlHost = server.url ? hostOf(server.url) : undefined;
  if (urlHost) candidates.push([urlHost, `host ${urlHost}`]);
  // Cursor and VS Code load the server's environment from a file: `"envFile": "${workspaceFolder}/.env.production"`.
  const envFile = scalarOf(get(server.node, 'envFile'))[0]?.value.replace(/\$\{[^}]*\}\/?/g, '');
  if (envFile) candidates.push([envFile, `its envFile ${envFile}`]);
  for (const [text, because] of candidates) {
    if (tokensOf(text).some((token) => token !== 'live' && canonicalEnvironment(token) === 'production')) return because;
  }
  return undefined;
}

/** A URL's host and, for a connection string, its database name (`.../orders_prod`). */
function endpointOf(value: string, host: string): Array<[string, string]> {
  const found: Array<[string, string]> = [[host, `host ${host}`]];
  const database = /^[a-z][a-z0-9+.-]*:\/\/[^/\s]+\/([\w.-]+)/i.exec(value.trim())?.[1];
  if (database && !/^https?:/i.test(value.trim())) found.push([database, `database ${database}`]);
  return found;
}

/** Runtime modes of the server process, not the environment its data lives in. */
const IGNORED_VARIABLES = new Set(['NODE_ENV', 'RAILS_ENV', 'RACK_ENV', 'APP_ENV', 'FLASK_ENV', 'LOG_LEVEL']);

function reportWriteAccess(file: SourceFile, out: FileEmitter, spec: McpFile, server: ServerNode): void {
  const kind = mcpServerKind(server);
  if (!kind || kind.readOnly(server)) return;
  const production = productionEvidence(server);
  const accountWide = kind.accountWide(server);
  if (!production && !accountWide) return;
  const title = agentTitle(spec.agent);
  const where = production ? `points at production (${production})` : 'reaches the whole account';
  out.report({
    ruleId: RULE_IDS.mcpWriteAccess,
    message: `The ${kind.title} "${server.name}" in ${file.path} ${where} without its read-only mode: through it ${title} ${kind.reach}. Fix: ${kind.fix}.`,
    location: { path: file.path, span: lineSpan(file, server.nameSpan) },
    snippet: file.line(server.nameSpan.line).trim(),
    evidence: `mcp-write|${server.name}|${kind.id}`,
    details: { agent: spec.agent, server: server.name, kind: kind.id, ...(production ? { environment: 'production' } : {}), accountWide },
  });
}

/** The server as a fact for the chain stage, when it is one that acts on databases or cloud accounts. */
function publishTool(file: SourceFile, out: FileEmitter, spec: McpFile, server: ServerNode): void {
  const kind = mcpServerKind(server);
  if (!kind?.stores) return;
  out.publish('agent-tool', {
    agent: spec.agent,
    server: server.name,
    kind: kind.id,
    title: kind.title,
    reach: kind.reach,
    readOnly: kind.readOnly(server),
    targets: toolTargets(server),
    accountPlatform: kind.accountWide(server) ? kind.stores.platform : undefined,
    engine: kind.stores.engine,
    production: productionEvidence(server),
    location: { path: file.path, span: lineSpan(file, server.nameSpan) },
  });
}

/** What an entry points at: the hosts of the connection strings it is given, and a Supabase project ref. */
function toolTargets(server: ServerNode): string[] {
  const targets = new Set<string>();
  // A remote server's own URL is the server, not what it acts on.
  for (const value of [...server.args, ...Object.values(server.env)]) {
    const host = hostOf(value);
    if (host && !host.includes('$')) targets.add(`host:${host}`);
  }
  const refs = [
    ...server.args.map((arg) => /^--project-ref=([a-z0-9]{20})$/.exec(arg)?.[1]),
    server.args.includes('--project-ref') ? server.args[server.args.indexOf('--project-ref') + 1] : undefined,
    /[?&]project_ref=([a-z0-9]{20})\b/.exec(server.url ?? '')?.[1],
    server.env['SUPABASE_PROJECT_REF'],
  ];
  for (const ref of refs) if (ref && /^[a-z0-9]{20}$/.test(ref)) targets.add(`supabase:project:${ref}`);
  return [...targets];
}

// --- mcp-filesystem-outside-repo -------------------------------------------------------------------------------

const FILESYSTEM_SERVER = /server-filesystem|mcp-server-filesystem|filesystem-mcp/i;

/** Desktop Commander: a terminal and the whole disk, its allowed directories empty (everything) unless set at run time. */
const DESKTOP_COMMANDER = /@wonderwhy-er\/desktop-commander|desktop-commander/i;

function reportFilesystemReach(file: SourceFile, out: FileEmitter, spec: McpFile, server: ServerNode): void {
  if (server.args.some((arg) => DESKTOP_COMMANDER.test(arg)) || DESKTOP_COMMANDER.test(server.command ?? '')) {
    out.report({
      ruleId: RULE_IDS.mcpFilesystemOutsideRepo,
      message: `The Desktop Commander MCP server "${server.name}" in ${file.path} reads and writes any file on the disk and runs terminal commands: through it ${agentTitle(spec.agent)} reaches the user's cloud credentials and SSH keys, outside every rule of the repository.`,
      location: { path: file.path, span: lineSpan(file, server.nameSpan) },
      snippet: file.line(server.nameSpan.line).trim(),
      evidence: `mcp-fs|${server.name}|desktop-commander`,
      details: { agent: spec.agent, server: server.name, directory: '/' },
    });
    return;
  }
  if (!server.args.some((arg) => FILESYSTEM_SERVER.test(arg)) && !FILESYSTEM_SERVER.test(server.command ?? '')) return;
  const whole = server.args.find((arg) => outsideReach(arg) === 'home-or-root');
  const outside = whole ?? server.args.find((arg) => outsideReach(arg) === 'elsewhere');
  if (outside === undefined) return;
  out.report({
    ruleId: RULE_IDS.mcpFilesystemOutsideRepo,
    message: whole
      ? `The filesystem MCP server "${server.name}" in ${file.path} is given ${outside}: through it ${agentTitle(spec.agent)} reads and writes files outside the repository, the user's cloud credentials and SSH keys included.`
      : `The filesystem MCP server "${server.name}" in ${file.path} is given ${outside}: through it ${agentTitle(spec.agent)} reads and writes files outside the repository, where no ignore file or deny rule of the repository applies.`,
    ...(whole ? {} : { severity: 'medium' as const }),
    location: { path: file.path, span: lineSpan(file, server.nameSpan) },
    snippet: file.line(server.nameSpan.line).trim(),
    evidence: `mcp-fs|${server.name}|${outside}`,
    details: { agent: spec.agent, server: server.name, directory: outside },
  });
}


// --- mcp-tools-auto-approved ----------------------------------------------------------------------------------

function reportApprovedTools(file: SourceFile, out: FileEmitter, spec: McpFile, server: ServerNode): void {
  const trust = get(server.node, 'trust');
  if (trust?.kind === 'scalar' && trust.value === true) {
    emitPermission(file, out, {
      ruleId: RULE_IDS.mcpToolsAutoApproved,
      agent: spec.agent,
      grant: 'mcp-tool',
      setting: `mcpServers.${server.name}.trust: true`,
      span: trust.span,
      lets: `call every tool of the MCP server "${server.name}"`,
      effective: true,
      reaches: server.name,
    });
  }
  // Codex: a server's `default_tools_approval_mode = "approve"` runs every tool unasked, `tools.<name>.approval_mode` one.
  const approval = get(server.node, 'default_tools_approval_mode');
  if (approval?.kind === 'scalar' && approval.value === 'approve') {
    emitPermission(file, out, {
      ruleId: RULE_IDS.mcpToolsAutoApproved,
      agent: spec.agent,
      grant: 'mcp-tool',
      setting: `${spec.key}.${server.name}.default_tools_approval_mode = "approve"`,
      span: approval.span,
      lets: `call every tool of the MCP server "${server.name}"`,
      effective: true,
      reaches: server.name,
    });
  }
  const perTool = get(server.node, 'tools');
  if (perTool?.kind === 'map') {
    for (const tool of perTool.entries) {
      const mode = get(tool.value, 'approval_mode');
      if (mode?.kind !== 'scalar' || mode.value !== 'approve' || !WRITE_TOOL_NAME.test(tool.key)) continue;
      emitPermission(file, out, {
        ruleId: RULE_IDS.mcpToolsAutoApproved,
        agent: spec.agent,
        grant: 'mcp-tool',
        setting: `${spec.key}.${server.name}.tools.${tool.key}.approval_mode = "approve"`,
        span: mode.span,
        lets: `call ${tool.key} on the MCP server "${server.name}"`,
        effective: true,
        reaches: server.name,
      });
    }
  }
  for (const key of ['alwaysAllow', 'autoApprove']) {
    const list = get(server.node, key);
    if (list?.kind !== 'seq') continue;
    const tools = list.items.flatMap(scalarOf).map((item) => item.value);
    const risky = tools.filter((tool) => tool === '*' || WRITE_TOOL_NAME.test(tool));
    if (risky.length === 0) continue;
    emitPermission(file, out, {
      ruleId: RULE_IDS.mcpToolsAutoApproved,
      agent: spec.agent,
      grant: 'mcp-tool',
      setting: `${spec.key}.${server.name}.${key}: [${risky.map((tool) => `"${tool}"`).join(', ')}]`,
      span: list.span,
      lets: risky.includes('*') ? `call every tool of the MCP server "${server.name}"` : `call ${risky.join(', ')} on the MCP server "${server.name}"`,
      effective: true,
      reaches: server.name,
    });
  }
}
