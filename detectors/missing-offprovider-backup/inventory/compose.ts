// docker compose files and Kamal deploy configs: databases run as services or accessories on the host's disk, and
// the backup sidecars beside them. Compose stores count as production only where the repo shows the file deployed.
import { type DataNode, get } from '../../../src/parse/data-tree.js';
import { environmentOfEnvFiles } from '../../../knowledge/environments/names.js';
import { composeEnvFiles } from '../../../knowledge/environments/compose.js';
import { readJob, scalarLines } from '../backups/jobs.js';
import { readScript } from '../backups/commands.js';
import { engineOfContainer, engineOfImage, environmentOf, fileNameOf, itemsOf, literalOf, mapOf, textOf, type Inventory } from '../shared.js';
import { backupImage } from './kubernetes.js';

export function isComposeFile(path: string): boolean {
  return /(^|\/)(docker-)?compose([.-][\w.-]+)?\.ya?ml$/i.test(path) || /(^|\/)docker-stack([.-][\w.-]+)?\.ya?ml$/i.test(path);
}

export function isKamalConfig(path: string): boolean {
  return /(^|\/)config\/deploy(\.[\w-]+)?\.ya?ml$/i.test(path);
}

/** A compose `environment:` as a map or a `KEY=value` list, literal values only. */
function environmentVariables(node: DataNode | undefined): Map<string, string> {
  const env = new Map<string, string>();
  const map = mapOf(node);
  if (map) {
    for (const entry of map.entries) {
      const value = textOf(entry.value);
      if (value !== undefined) env.set(entry.key, value);
    }
  }
  if (node?.kind === 'seq') {
    for (const item of node.items) {
      const text = textOf(item);
      const match = text ? /^([\w.]+)=(.*)$/.exec(text) : undefined;
      if (match) env.set(match[1]!, match[2]!);
    }
  }
  return env;
}

/** A CapRover one-click app: a compose file under `captainVersion: 4`, which CapRover deploys as it is. */
export function isCaproverApp(text: string): boolean {
  return /^captainVersion:/m.test(text) && /^services:/m.test(text);
}

/**
 * Self-hosted platforms that deploy a compose file as it is written: Coolify fills its magic variables
 * (`SERVICE_FQDN_APP_3000`, `${SERVICE_PASSWORD_POSTGRES}`) when it deploys the stack; CapRover runs one-click apps.
 * A file using them is the one the platform runs; a catalogue of templates for others is not.
 */
function composePlatformOf(path: string, text: string): { name: string; offset: number } | undefined {
  if (/(?:^|\/)(?:templates?|one-click-apps|apps-templates)\//i.test(path)) return undefined;
  const coolify = /\bSERVICE_(?:FQDN|URL|PASSWORD|USER|BASE64)_[A-Z0-9_]+/.exec(text);
  if (coolify) return { name: 'coolify', offset: coolify.index };
  const caprover = /^captainVersion:/m.exec(text);
  return caprover && isCaproverApp(text) ? { name: 'caprover', offset: caprover.index } : undefined;
}

export function scanCompose(inventory: Inventory): void {
  const root = mapOf(inventory.file.data()?.roots[0]);
  const services = mapOf(get(root, 'services'));
  if (!root || !services) return;
  const fileName = fileNameOf(inventory.path).toLowerCase();
  if (/^docker-stack/.test(fileName)) inventory.context({ kind: 'deploys-compose', name: fileName, value: 'swarm', location: inventory.line(1) });
  const platform = composePlatformOf(inventory.path, inventory.file.text);
  if (platform) inventory.context({ kind: 'deploys-compose', name: inventory.path, value: platform.name, location: inventory.line(inventory.file.positionAt(platform.offset).line) });
  const volumes = mapOf(get(root, 'volumes'));
  // A stack whose services load `.env.production` runs in production, whatever its file is called.
  const environment = environmentOf(inventory.path, []) ?? (/override/.test(fileName) ? 'development' : environmentOfEnvFiles(composeEnvFiles(root).map((file) => file.path)));
  // Services other services use as their S3 endpoint are backup targets in the same stack, not stores of their own.
  const endpoints = new Set<string>();
  for (const entry of services.entries) {
    for (const [key, value] of environmentVariables(get(entry.value, 'environment'))) {
      const host = /ENDPOINT|S3_HOST|S3_URL/i.test(key) ? /^(?:https?:\/\/)?([\w-]+)(?::\d+)?\/?$/.exec(value)?.[1] : undefined;
      if (host) endpoints.add(host);
    }
  }
  for (const entry of services.entries) {
    if (endpoints.has(entry.key)) continue;
    const service = mapOf(entry.value);
    if (!service) continue;
    const image = literalOf(get(service, 'image'));
    const env = environmentVariables(get(service, 'environment'));
    const command = [get(service, 'command'), get(service, 'entrypoint')].map((node) => (node?.kind === 'seq' ? node.items.map((item) => textOf(item) ?? '').join(' ') : (textOf(node) ?? ''))).join('\n');
    const line = entry.keySpan.line;
    // Backup sidecars: known backup images, or any container whose command dumps a database.
    const envFileNode = itemsOf(get(service, 'env_file'))[0];
    const envFile = textOf(envFileNode) ?? literalOf(get(envFileNode, 'path'));
    if (backupImage(inventory, image, env, line, environment, envFile ? `env_file ${envFile}` : undefined)) continue;
    if (command.trim() && readScript(command, env).dumps.length > 0) {
      const commandNode = get(service, 'command') ?? get(service, 'entrypoint')!;
      readJob(inventory, command, { name: `${inventory.path} ${entry.key}`, scheduled: true, environment, env, ephemeral: false, lineOf: scalarLines(inventory, command, commandNode.span.line, commandNode.span.endLine) });
      continue;
    }
    const volumeNodes = itemsOf(get(service, 'volumes'));
    const mounts = volumeNodes.map((volume) => textOf(volume) ?? literalOf(get(volume, 'source')) ?? '').filter(Boolean);
    // Where each volume is mounted in the container (`pgdata:/var/lib/postgresql/data`, or `target:`), and PGDATA.
    const targets = [...volumeNodes.map((volume) => textOf(volume)?.split(':')[1] ?? literalOf(get(volume, 'target')) ?? ''), env.get('PGDATA') ?? ''];
    const engine = engineOfContainer(image, command, targets);
    if (!engine) continue;
    const named = mounts.map((mount) => mount.split(':')[0]!).filter((source) => source && !/^[./~$]/.test(source));
    const identities = named.map((volume) => {
      const declared = get(volumes, volume);
      const explicit = literalOf(get(declared, 'name'));
      return `compose:volume:${explicit ?? volume}`;
    });
    inventory.store({
      platform: 'docker-compose',
      provider: 'host',
      engine,
      name: entry.key,
      environment,
      location: inventory.line(line),
      identities: [`compose:service:${inventory.path}#${entry.key}`, ...identities],
      declaredBy: 'compose',
      mountPaths: mounts.map((mount) => mount.split(':')[0]!).filter((source) => /^[./~]/.test(source)),
      builtInBackup: { protection: 'none', description: mounts.length > 0 ? 'a volume on the host keeps no copies of its own' : 'the data lives in the container and is lost when it is recreated' },
    });
  }
}

export function scanKamal(inventory: Inventory): void {
  const root = mapOf(inventory.file.data()?.roots[0]);
  if (!root || (!get(root, 'service') && !get(root, 'accessories'))) return;
  inventory.context({ kind: 'deploys', value: 'kamal', location: inventory.line(1) });
  const service = literalOf(get(root, 'service')) ?? 'app';
  // App volumes that hold data on the server (Rails' storage/ with SQLite, uploads).
  for (const volume of itemsOf(get(root, 'volumes'))) {
    const text = literalOf(volume);
    const [source, target] = text ? text.split(':') : [];
    if (!source || !target || !/storage|data|db|sqlite|uploads|media/i.test(target)) continue;
    inventory.store({
      platform: 'kamal',
      provider: 'host',
      engine: 'volume',
      name: `${service}:${source}`,
      location: inventory.line(volume.span.line),
      identities: [`kamal:volume:${service}/${source}`],
      declaredBy: 'platform',
      mountPaths: [target],
      builtInBackup: { protection: 'none', description: 'a Docker volume on the server keeps no copies of its own' },
    });
  }
  for (const entry of mapOf(get(root, 'accessories'))?.entries ?? []) {
    const accessory = mapOf(entry.value);
    const image = literalOf(get(accessory, 'image'));
    const env = environmentVariables(get(mapOf(get(accessory, 'env')), 'clear'));
    // `env.secret` names variables Kamal fills from its secrets: set, with values the repo does not hold.
    for (const secret of itemsOf(get(mapOf(get(accessory, 'env')), 'secret'))) {
      const key = literalOf(secret)?.split(':')[0];
      if (key && !env.has(key)) env.set(key, `\${${key}}`);
    }
    const line = entry.keySpan.line;
    if (backupImage(inventory, image, env, line, undefined)) continue;
    const engine = engineOfImage(image);
    if (!engine) continue;
    const host = literalOf(get(accessory, 'host')) ?? literalOf(itemsOf(get(accessory, 'hosts'))[0]);
    inventory.store({
      platform: 'kamal',
      provider: 'host',
      engine,
      name: `${service}-${entry.key}`,
      location: inventory.line(line),
      identities: [`kamal:accessory:${service}/${entry.key}`, ...(host ? [`host:${host.toLowerCase()}`] : [])],
      declaredBy: 'platform',
      builtInBackup: { protection: 'none', description: 'an accessory keeps its data in a directory on the server, with no copies' },
    });
  }
}

