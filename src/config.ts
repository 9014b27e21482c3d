// Loads and validates `.blast-radius.yml`: ignored paths, rules turned off or re-rated, allowed values, environment
// aliases and backups recorded outside the repo. A broken config is a usage error, never silently ignored.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { SEVERITIES, type ResolvedConfig, type Severity } from './model.js';

export const CONFIG_FILE_NAMES = ['.blast-radius.yml', '.blast-radius.yaml'];

export class ConfigError extends Error {}

export function emptyConfig(): ResolvedConfig {
  return { ignorePaths: [], disabledRules: [], severityOverrides: [], allowedValues: [], environmentAliases: {}, externalBackups: [] };
}

/** Reads an explicit config path, or the default file at the root when there is one. */
export function loadConfig(root: string, explicitPath?: string): ResolvedConfig {
  const path = explicitPath ?? CONFIG_FILE_NAMES.map((name) => join(root, name)).find((candidate) => existsSync(candidate));
  if (!path) return emptyConfig();
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new ConfigError(`cannot read config ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  let raw: unknown;
  try {
    raw = parse(text);
  } catch (error) {
    throw new ConfigError(`config ${path} is not valid YAML: ${(error as Error).message.split('\n')[0]}`);
  }
  return { ...resolve(raw ?? {}, path), source: path };
}

function resolve(raw: unknown, path: string): ResolvedConfig {
  const config = emptyConfig();
  if (!isRecord(raw)) throw new ConfigError(`config ${path} must be a mapping`);
  const known = new Set(['ignore', 'rules', 'allow', 'environments', 'backups']);
  for (const key of Object.keys(raw)) {
    if (!known.has(key)) throw new ConfigError(`config ${path}: unknown key "${key}" (expected one of ${[...known].join(', ')})`);
  }
  config.ignorePaths = stringList(raw.ignore, 'ignore', path);
  config.allowedValues = stringList(raw.allow, 'allow', path);
  if (raw.rules !== undefined) {
    if (!isRecord(raw.rules)) throw new ConfigError(`config ${path}: "rules" must map rule ids to off or a severity`);
    for (const [rule, setting] of Object.entries(raw.rules)) {
      if (setting === 'off' || setting === false) config.disabledRules.push(rule);
      else if (typeof setting === 'string' && (SEVERITIES as readonly string[]).includes(setting)) {
        config.severityOverrides.push({ rule, severity: setting as Severity });
      } else {
        throw new ConfigError(`config ${path}: rule "${rule}" must be off or one of ${SEVERITIES.join(', ')}`);
      }
    }
  }
  if (raw.environments !== undefined) {
    if (!isRecord(raw.environments)) throw new ConfigError(`config ${path}: "environments" must map your names to canonical ones`);
    const canonical = ['production', 'staging', 'preview', 'development', 'test'];
    for (const [name, target] of Object.entries(raw.environments)) {
      if (typeof target !== 'string' || !canonical.includes(target)) {
        throw new ConfigError(`config ${path}: environment "${name}" must map to one of ${canonical.join(', ')}`);
      }
      config.environmentAliases[name.toLowerCase()] = target;
    }
  }
  if (raw.backups !== undefined) {
    if (!Array.isArray(raw.backups)) throw new ConfigError(`config ${path}: "backups" must be a list of {store, reason}`);
    for (const entry of raw.backups) {
      if (!isRecord(entry) || typeof entry.store !== 'string' || typeof entry.reason !== 'string' || entry.reason.trim() === '') {
        throw new ConfigError(`config ${path}: each backup needs a "store" and a non-empty "reason"`);
      }
      config.externalBackups.push({ store: entry.store, reason: entry.reason });
    }
  }
  return config;
}

function stringList(value: unknown, key: string, path: string): string[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || !value.every((item) => typeof item === 'string')) {
    throw new ConfigError(`config ${path}: "${key}" must be a list of strings`);
  }
  return value as string[];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Does a rule pattern (`id`, `<detector>/*`, `*`) name this rule? */
export function ruleMatches(pattern: string, ruleId: string): boolean {
  if (pattern === '*' || pattern === ruleId) return true;
  return pattern.endsWith('/*') && ruleId.startsWith(pattern.slice(0, -1));
}
