// Service containers of a CI job (`jobs.<id>.services.<name>` in a GitHub workflow): a database started for one
// job's tests and thrown away with it. Its password protects nothing that outlives the job, nor does the same
// password in the job's steps, which connect to it.
import type { SourceFile } from '../../src/model.js';
import { get, literalString } from '../../src/parse/data-tree.js';
import { secretNameClass } from '../../knowledge/credentials/names.js';

export interface CiServices {
  lines: Array<[number, number]>;
  /** The secrets their environments set (`POSTGRES_PASSWORD`): a user or database name (`POSTGRES_DB: test`) is none. */
  values: Set<string>;
}

const NONE: CiServices = { lines: [], values: new Set() };

/** The workflow's job service containers: their line ranges and the secrets their environments set. */
export function ciServicesOf(file: SourceFile): CiServices {
  if (!/^\.github\/workflows\/[^/]+\.ya?ml$/.test(file.path) || !file.text.includes('services:')) return NONE;
  const jobs = get(file.data()?.roots[0], 'jobs');
  if (jobs?.kind !== 'map') return NONE;
  const found: CiServices = { lines: [], values: new Set() };
  for (const job of jobs.entries) {
    const services = get(job.value, 'services');
    if (services?.kind !== 'map') continue;
    found.lines.push([services.span.line, services.span.endLine]);
    for (const service of services.entries) {
      const env = get(service.value, 'env');
      if (env?.kind !== 'map') continue;
      for (const variable of env.entries) {
        if (secretNameClass(variable.key) === undefined) continue;
        const value = literalString(variable.value);
        if (value) found.values.add(value);
      }
    }
  }
  return found;
}

export function isThrowaway(services: CiServices, line: number, value: string): boolean {
  return services.values.has(value) || services.lines.some(([start, end]) => start <= line && line <= end);
}
