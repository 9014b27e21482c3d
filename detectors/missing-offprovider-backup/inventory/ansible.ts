// Ansible playbooks and roles that install a database on a server (a package, a container, a community module
// creating a database), and the backup tasks beside them: a cron job or a shell task that dumps it. A database on a
// server's own disk keeps no copies; a dump the cron job writes to that disk goes with it.
import { get, type DataNode, type MapNode } from '../../../src/parse/data-tree.js';
import { readJob, scalarLines } from '../backups/jobs.js';
import { engineOfImage, environmentOf, itemsOf, literalOf, mapOf, textOf, type Engine, type Inventory } from '../shared.js';

/** Task files of roles and playbooks: `roles/<role>/tasks/*.yml`, `playbooks/*.yml`, `site.yml`, `*playbook*.yml`. */
export function isAnsibleTasks(path: string): boolean {
  return /(^|\/)roles\/[^/]+\/(tasks|handlers)\/[^/]+\.ya?ml$/i.test(path) || isAnsiblePlaybook(path);
}

/**
 * Playbooks (`site.yml`, `playbooks/deploy.yml`): read whatever words they hold, since a play applies roles by names
 * that need not say what they install (`roles: [db]`), and a repository with a play deploys what its roles install.
 */
export function isAnsiblePlaybook(path: string): boolean {
  return /(^|\/)playbooks?\/[^/]+\.ya?ml$/i.test(path) || /(^|\/)(site|[^/]*playbook[^/]*)\.ya?ml$/i.test(path);
}

/** Server packages of databases, by the names distributions give them. */
const PACKAGE_ENGINES: Array<[RegExp, Engine]> = [
  [/^postgresql(?:-\d+|\d*)(?:-server)?$|^postgresql\{\{.*\}\}$|^postgresql-\{\{.*\}\}$/i, 'postgres'],
  [/^(?:mysql-server|mariadb-server|percona-server-server)(?:-[\d.]+)?$/i, 'mysql'],
  [/^mongodb(?:-org)?(?:-server)?$/i, 'mongo'],
];

const PACKAGE_MODULES = new Set(['apt', 'yum', 'dnf', 'package', 'ansible.builtin.apt', 'ansible.builtin.yum', 'ansible.builtin.dnf', 'ansible.builtin.package']);
const DATABASE_MODULES: Record<string, Engine> = {
  'community.postgresql.postgresql_db': 'postgres',
  postgresql_db: 'postgres',
  'community.mysql.mysql_db': 'mysql',
  mysql_db: 'mysql',
};
const CONTAINER_MODULES = new Set(['docker_container', 'community.docker.docker_container', 'containers.podman.podman_container', 'podman_container']);
const CRON_MODULES = new Set(['cron', 'ansible.builtin.cron']);
const SHELL_MODULES = new Set(['shell', 'command', 'ansible.builtin.shell', 'ansible.builtin.command']);

export function scanAnsible(inventory: Inventory): void {
  const root = inventory.file.data()?.roots[0];
  if (root?.kind !== 'seq') return;
  const environment = environmentOf(inventory.path, []);
  // One store per engine a file sets up: installing the server and creating its database are the same store.
  const declared = new Set<Engine>();
  const visitTasks = (tasks: DataNode | undefined): void => {
    for (const item of itemsOf(tasks)) {
      const task = mapOf(item);
      if (!task) continue;
      // A play holds its tasks; a block its own.
      for (const key of ['tasks', 'pre_tasks', 'post_tasks', 'handlers', 'block', 'rescue', 'always']) visitTasks(get(task, key));
      readTask(inventory, task, environment, declared);
    }
  };
  visitTasks(root);
  // A play (`- hosts: db`) is what applies roles to servers: a repository with one deploys what its roles install. A
  // role published on its own (Ansible Galaxy) installs a database for whoever uses it, and deploys nothing.
  const plays = itemsOf(root).filter((item) => get(item, 'hosts') !== undefined);
  if (plays[0]) inventory.context({ kind: 'deploys', value: 'ansible', location: inventory.line(plays[0].span.line) });
  for (const play of plays) {
    for (const { engine, role, line } of databaseRoles(play)) {
      if (declared.has(engine)) continue;
      declared.add(engine);
      declareStore(inventory, engine, role, line, environment, `installed by the ${role} role`);
    }
  }
}

/** One task: a database it installs, or a backup job it runs. */
function readTask(inventory: Inventory, task: MapNode, environment: string | undefined, declared: Set<Engine>): void {
  const name = literalOf(get(task, 'name')) ?? '';
  const declare = (engine: Engine, store: string, line: number, how: string): void => {
    if (declared.has(engine)) return;
    declared.add(engine);
    declareStore(inventory, engine, store, line, environment, how);
  };
  const role = /(?:^|\/)roles\/([^/]+)\//.exec(inventory.path)?.[1];
  for (const entry of task.entries) {
    const module = entry.key;
    if (PACKAGE_MODULES.has(module)) {
      const server = packageNames(entry.value, task).find((name) => engineOfPackage(name) !== undefined);
      if (server) declare(engineOfPackage(server)!, role ?? server, entry.keySpan.line, 'installed from packages on the server');
    } else if (DATABASE_MODULES[module] !== undefined) {
      const database = literalOf(get(entry.value, 'name')) ?? literalOf(get(entry.value, 'db')) ?? module;
      declare(DATABASE_MODULES[module]!, role ?? database, entry.keySpan.line, 'created on the server by Ansible');
    } else if (CONTAINER_MODULES.has(module)) {
      const engine = engineOfImage(literalOf(get(entry.value, 'image')));
      const container = literalOf(get(entry.value, 'name')) ?? name;
      if (engine) declare(engine, container, entry.keySpan.line, 'in a container on the server');
    } else if (CRON_MODULES.has(module)) {
      const job = get(entry.value, 'job');
      const script = textOf(job);
      if (script && job) readJob(inventory, script, { name: name || `${inventory.path} cron`, scheduled: true, environment, env: new Map(), ephemeral: false, lineOf: scalarLines(inventory, script, job.span.line, job.span.endLine) });
    } else if (SHELL_MODULES.has(module)) {
      const node = entry.value.kind === 'map' ? (get(entry.value, 'cmd') ?? get(entry.value, 'argv')) : entry.value;
      const script = node?.kind === 'seq' ? node.items.map((part) => textOf(part) ?? '').join(' ') : textOf(node);
      // A task runs on the play's hosts (a compose `up` there deploys the stack) unless it is delegated to the controller.
      const remote = !/^(?:localhost|127\.0\.0\.1)$/.test(literalOf(get(task, 'delegate_to')) ?? '') && literalOf(get(task, 'connection')) !== 'local';
      if (script && node) readJob(inventory, script, { name: name || `${inventory.path} task`, scheduled: false, environment, env: new Map(), ephemeral: false, remote, lineOf: scalarLines(inventory, script, node.span.line, node.span.endLine) });
    }
  }
}

/**
 * `name: postgresql`, `name: [postgresql-16, postgresql-contrib]`, the module's value written as a string, or the
 * task's `loop`/`with_items` list when the name is `{{ item }}`.
 */
function packageNames(node: DataNode, task: MapNode): string[] {
  const names = get(node, 'name') ?? get(node, 'pkg') ?? node;
  const loop = /^\{\{\s*item\s*\}\}$/.test(textOf(names) ?? '') ? (get(task, 'loop') ?? get(task, 'with_items')) : undefined;
  const listed = loop ?? names;
  const text = textOf(listed) ?? '';
  const list = listed.kind === 'seq' ? listed.items.map((item) => textOf(item) ?? '') : /^\{\{[^}]*\}\}$/.test(text.trim()) ? [text.trim()] : text.split(/[\s,]+/);
  return list.map((value) => value.replace(/^name=/, '').trim()).filter(Boolean);
}

/**
 * A package by its name, or a role's list of packages by the variable that holds it (`{{ postgresql_packages }}`,
 * the convention of the Galaxy database roles): the variable is defined in the role's defaults, not in the task.
 */
function engineOfPackage(name: string): Engine | undefined {
  const variable = /^\{\{\s*([a-z][\w]*)\s*\}\}$/i.exec(name)?.[1];
  if (variable) return PACKAGE_VARIABLES.find(([pattern]) => pattern.test(variable))?.[1];
  for (const [pattern, engine] of PACKAGE_ENGINES) if (pattern.test(name)) return engine;
  return undefined;
}

const PACKAGE_VARIABLES: Array<[RegExp, Engine]> = [
  [/^(?:postgresql|postgres|pg)_(?:server_)?packages$/i, 'postgres'],
  [/^(?:mysql|mariadb)_(?:server_)?packages$/i, 'mysql'],
  [/^(?:mongodb|mongo)_(?:server_)?packages$/i, 'mongo'],
];

/**
 * Ansible Galaxy roles that install a database server on the hosts of the play that applies them
 * (`roles: [geerlingguy.postgresql]`): the community's most used ones, by their Galaxy names.
 */
const DATABASE_ROLES: Array<[RegExp, Engine]> = [
  [/^(?:geerlingguy|anxs|galaxyproject|robertdebock|dev-sec|buluma)\.(?:postgresql|postgres)$/i, 'postgres'],
  [/^(?:geerlingguy|robertdebock|buluma)\.(?:mysql|mariadb)$/i, 'mysql'],
  [/^(?:community|robertdebock)\.mongodb$|^undergreen\.mongodb$/i, 'mongo'],
];

/** The Galaxy database roles a play applies, by name: `- geerlingguy.postgresql` or `- role: geerlingguy.postgresql`. */
function databaseRoles(play: DataNode): Array<{ engine: Engine; role: string; line: number }> {
  return itemsOf(get(play, 'roles')).flatMap((item) => {
    const role = textOf(item) ?? literalOf(get(item, 'role')) ?? literalOf(get(item, 'name'));
    const engine = role ? DATABASE_ROLES.find(([pattern]) => pattern.test(role))?.[1] : undefined;
    return role && engine ? [{ engine, role, line: item.span.line }] : [];
  });
}

function declareStore(inventory: Inventory, engine: Engine, name: string, line: number, environment: string | undefined, how: string): void {
  inventory.store({
    platform: 'ansible',
    provider: 'host',
    engine,
    name,
    environment,
    location: inventory.line(line),
    identities: [`ansible:${inventory.path}#${name}`],
    // Production only where the repository applies it with a play (see `scanAnsible`), as an app's database is.
    declaredBy: 'usage',
    builtInBackup: { protection: 'none', description: `a database ${how} keeps its data on that server's disk, with no copies of its own` },
  });
}
