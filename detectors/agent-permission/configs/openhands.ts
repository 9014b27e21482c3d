// OpenHands' `config.toml` (the CLI's and headless mode's; docs.openhands.dev, config.template.toml): a `local` or `cli`
// runtime runs the agent's commands on the host with no sandbox, and with `[security] confirmation_mode` off (its
// default) nobody approves them; the host directories mounted into the sandbox (`[sandbox] volumes`,
// `[core] workspace_base`, `workspace_mount_path`) are the agent's to read and edit. The file's name is common: only a
// file with OpenHands' own sections and keys is read as one.
import type { FileEmitter, SourceFile } from '../../../src/model.js';
import { get, type MapNode } from '../../../src/parse/data-tree.js';
import { emitConfig, emitPermission, reportOutsideDirectory, RULE_IDS } from '../permission.js';
import { booleanAt, stringAt } from './tree.js';

export const OPENHANDS_CONFIG = /(^|\/)config\.toml$/;

/** Keys only OpenHands' `[core]` and `[sandbox]` tables hold (`runtime` only with one of its runtimes' names). */
const CORE_KEYS = ['workspace_base', 'workspace_mount_path', 'workspace_mount_path_in_sandbox', 'default_agent', 'max_iterations'];
const RUNTIMES = new Set(['docker', 'local', 'cli', 'remote', 'kubernetes', 'modal', 'runloop', 'daytona', 'e2b']);
const SANDBOX_KEYS = ['volumes', 'base_container_image', 'runtime_container_image', 'use_host_network', 'keep_runtime_alive', 'runtime_startup_env_vars'];

/** Runtimes that run commands on the host itself: `local` (LocalRuntime) and `cli` (CLIRuntime). */
const HOST_RUNTIMES = new Set(['local', 'cli']);

export function readOpenhandsConfig(file: SourceFile, out: FileEmitter): void {
  // Most `config.toml` files are other tools' (Cargo's, Hugo's): without OpenHands' tables they are not parsed here.
  if (!/\b(?:core|sandbox|confirmation_mode)\b/.test(file.text)) return;
  const root = file.data()?.roots[0];
  if (root?.kind !== 'map' || !isOpenhandsConfig(root)) return;
  emitConfig(out, 'openhands', 'settings', file.path);
  const core = get(root, 'core');
  const sandbox = get(root, 'sandbox');
  const confirmation = booleanAt(get(root, 'security'), 'confirmation_mode');
  const runtime = stringAt(core, 'runtime');
  if (runtime && HOST_RUNTIMES.has(runtime.value) && confirmation?.value !== true) {
    emitPermission(file, out, {
      ruleId: RULE_IDS.shellAutoApproved,
      agent: 'openhands',
      grant: 'shell',
      setting: `[core] runtime = "${runtime.value}"${confirmation ? ' with [security] confirmation_mode = false' : ' (confirmation_mode off by default)'}`,
      span: runtime.span,
      lets: 'run any command on the host, outside any sandbox,',
      effective: true,
    });
  }
  // The host directory mounted as the workspace: `workspace_mount_path` wins over `workspace_base`.
  for (const key of ['workspace_base', 'workspace_mount_path']) {
    const directory = stringAt(core, key);
    if (directory) reportOutsideDirectory(file, out, 'openhands', `[core] ${key} = "${directory.value}"`, directory.value, directory.span);
  }
  const volumes = stringAt(sandbox, 'volumes');
  if (volumes) {
    for (const host of writableHostPaths(volumes.value)) reportOutsideDirectory(file, out, 'openhands', `[sandbox] volumes = "${volumes.value}"`, host, volumes.span);
  }
}

function isOpenhandsConfig(root: MapNode): boolean {
  const core = get(root, 'core');
  const sandbox = get(root, 'sandbox');
  if (core?.kind === 'map' && core.entries.some((entry) => CORE_KEYS.includes(entry.key))) return true;
  const runtime = stringAt(core, 'runtime');
  if (runtime && RUNTIMES.has(runtime.value) && get(root, 'llm') !== undefined) return true;
  if (sandbox?.kind === 'map' && sandbox.entries.some((entry) => SANDBOX_KEYS.includes(entry.key))) return true;
  return booleanAt(get(root, 'security'), 'confirmation_mode') !== undefined;
}

/**
 * The host paths of `host:container[:mode]` mounts, comma-separated, that are not read-only (`rw` is the default). A
 * drive letter (`C:\Users\dev:/workspace`) keeps its colon.
 */
export function writableHostPaths(volumes: string): string[] {
  const hosts: string[] = [];
  for (const mount of volumes.split(',')) {
    const trimmed = mount.trim();
    const drive = /^[A-Za-z]:[\\/]/.test(trimmed) ? trimmed.slice(0, 2) : '';
    const parts = trimmed.slice(drive.length).split(':');
    if (parts.length < 2 || parts[parts.length - 1] === 'ro') continue;
    hosts.push(drive + parts[0]!);
  }
  return hosts;
}
