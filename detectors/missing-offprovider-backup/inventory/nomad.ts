// HashiCorp Nomad job files: a database task (a Docker image of a known engine) keeps its data in a host volume (a
// directory on the client's disk), a CSI volume or a bind mount, none of which keeps copies; backup tasks (a dump in
// a periodic batch job, a known backup image) are read like any scheduled command.
import { get, type DataNode, type MapNode } from '../../../src/parse/data-tree.js';
import { readJob, scalarLines } from '../backups/jobs.js';
import { readScript } from '../backups/commands.js';
import { engineOfImage, environmentOf, isTruthy, itemsOf, literalOf, mapOf, textOf, type Inventory } from '../shared.js';
import { backupImage } from './kubernetes.js';

/** The blocks of one type directly inside a block (HCL repeats a block type as repeated entries). */
function blocks(node: DataNode | undefined, type: string): MapNode[] {
  const map = mapOf(node);
  return map ? map.entries.filter((entry) => entry.key === type && entry.value.kind === 'map').map((entry) => entry.value as MapNode) : [];
}

/** An `env { ... }` block's literal values. */
function envOf(task: MapNode): Map<string, string> {
  const env = new Map<string, string>();
  for (const block of blocks(task, 'env')) {
    for (const entry of block.entries) {
      const value = textOf(entry.value);
      if (value !== undefined) env.set(entry.key, value);
    }
  }
  return env;
}

export function scanNomad(inventory: Inventory): void {
  const root = inventory.file.data()?.roots[0];
  for (const job of blocks(root, 'job')) {
    const jobName = job.block?.labels[0] ?? 'job';
    const namespace = literalOf(get(job, 'namespace'));
    const periodic = blocks(job, 'periodic').length > 0;
    inventory.context({ kind: 'deploys', value: 'nomad', location: inventory.line(job.span.line) });
    for (const group of blocks(job, 'group')) {
      // Volumes the group claims: `volume "pgdata" { type = "host" source = "pgdata" }`.
      const volumes = new Map<string, { type: string; source: string }>();
      for (const volume of blocks(group, 'volume')) {
        const name = volume.block?.labels[0];
        if (name) volumes.set(name, { type: literalOf(get(volume, 'type')) ?? 'host', source: literalOf(get(volume, 'source')) ?? name });
      }
      for (const task of blocks(group, 'task')) {
        const taskName = task.block?.labels[0] ?? 'task';
        const config = blocks(task, 'config')[0];
        const image = literalOf(get(config, 'image'));
        const env = envOf(task);
        const environment = environmentOf(inventory.path, [namespace, jobName, env.get('APP_ENV'), env.get('ENVIRONMENT')]);
        const line = task.span.line;
        const args = itemsOf(get(config, 'args')).map((item) => textOf(item) ?? '');
        const program = literalOf(get(config, 'command')) ?? '';
        // `command = "/bin/sh"`, `args = ["-c", "pg_dump … | aws s3 cp …"]`: the script is the argument. A command
        // that dumps says where the copy goes, whatever its image is called (`pg-backup`); a backup image runs its own.
        const command = (/(^|\/)(?:ba|z|da)?sh$/.test(program) && args[0] === '-c' ? args.slice(1) : [program, ...args]).join(' ').trim();
        if (command && readScript(command, env).dumps.length > 0) {
          const node = get(config, 'args') ?? get(config, 'command')!;
          readJob(inventory, command, { name: `${inventory.path} ${jobName}/${taskName}`, scheduled: periodic, environment, env, ephemeral: false, lineOf: scalarLines(inventory, command, node.span.line, node.span.endLine) });
          continue;
        }
        // `template { env = true }` fills the task's environment from Vault or Consul, which the job file does not show.
        const templated = blocks(task, 'template').some((template) => isTruthy(get(template, 'env')) === true);
        if (backupImage(inventory, image, env, line, environment, templated ? 'a template block (env = true)' : undefined)) continue;
        const engine = engineOfImage(image);
        if (!engine) continue;
        const mounts: string[] = [];
        const identities = [`nomad:task:${jobName}/${taskName}`];
        for (const mount of blocks(task, 'volume_mount')) {
          const claimed = volumes.get(literalOf(get(mount, 'volume')) ?? '');
          const destination = literalOf(get(mount, 'destination'));
          if (claimed) identities.push(`nomad:${claimed.type}-volume:${claimed.source}`);
          if (destination) mounts.push(destination);
        }
        // Docker bind mounts in the task's config: `volumes = ["/opt/pg:/var/lib/postgresql/data"]`.
        const binds = itemsOf(get(config, 'volumes')).map((item) => textOf(item)?.split(':')[0] ?? '').filter((source) => source.startsWith('/'));
        const held = identities.length > 1 || binds.length > 0;
        inventory.store({
          platform: 'nomad',
          provider: 'host',
          engine,
          name: `${jobName}/${taskName}`,
          environment,
          location: inventory.line(line),
          identities,
          declaredBy: 'platform',
          mountPaths: binds,
          builtInBackup: {
            protection: 'none',
            description: held ? "a Nomad volume is a directory on a client's disk (or a CSI volume) with no copies of its own" : 'the data lives in the allocation and is lost when it is rescheduled',
          },
        });
      }
    }
  }
}
