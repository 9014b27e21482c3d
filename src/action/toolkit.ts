// The few pieces of the Actions runner protocol the Action needs, without a toolkit dependency: inputs from
// INPUT_* variables, outputs and the job summary through the files the runner names, and workflow commands.
import { appendFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';

export type Env = Readonly<Record<string, string | undefined>>;

/** `INPUT_<NAME>` as the runner sets it: upper case, spaces to underscores, hyphens kept. */
export function input(env: Env, name: string, fallback = ''): string {
  const value = env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`];
  return value === undefined || value.trim() === '' ? fallback : value.trim();
}

/** YAML 1.2 core booleans, as `core.getBooleanInput` reads them. */
export function booleanInput(env: Env, name: string, fallback: boolean): boolean {
  const value = input(env, name);
  if (value === '') return fallback;
  if (['true', 'True', 'TRUE'].includes(value)) return true;
  if (['false', 'False', 'FALSE'].includes(value)) return false;
  throw new InputError(`input ${name} must be true or false, got "${value}"`);
}

export class InputError extends Error {}

/** Writes `name=value` to $GITHUB_OUTPUT with a delimiter no value can contain. */
export function setOutput(env: Env, name: string, value: string): void {
  const file = env.GITHUB_OUTPUT;
  if (!file) return;
  let delimiter = `ghadelimiter_${randomBytes(8).toString('hex')}`;
  while (value.includes(delimiter)) delimiter = `ghadelimiter_${randomBytes(8).toString('hex')}`;
  appendFileSync(file, `${name}<<${delimiter}\n${value}\n${delimiter}\n`);
}

/** Appends Markdown to $GITHUB_STEP_SUMMARY; returns false when the runner gave no summary file. */
export function appendSummary(env: Env, markdown: string): boolean {
  const file = env.GITHUB_STEP_SUMMARY;
  if (!file) return false;
  appendFileSync(file, markdown.endsWith('\n') ? markdown : `${markdown}\n`);
  return true;
}

export type AnnotationLevel = 'error' | 'warning' | 'notice';

export interface AnnotationProperties {
  file?: string;
  line?: number;
  endLine?: number;
  col?: number;
  endColumn?: number;
  title?: string;
}

/** `::error file=...,line=...::message`, with the runner's escaping of data and property values. */
export function annotation(level: AnnotationLevel, message: string, properties: AnnotationProperties = {}): string {
  const props = Object.entries(properties)
    .filter(([, value]) => value !== undefined && value !== '')
    .map(([key, value]) => `${key}=${escapeProperty(String(value))}`)
    .join(',');
  return `::${level}${props ? ` ${props}` : ''}::${escapeData(message)}`;
}

function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
