// The tool's version, read from package.json so SARIF and --version never drift from the release.
import { readFileSync } from 'node:fs';

function packageVersion(): string {
  // Built files live in dist/src/, sources in src/: look upwards for the package file.
  for (const candidate of ['../package.json', '../../package.json']) {
    try {
      const pkg = JSON.parse(readFileSync(new URL(candidate, import.meta.url), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'agent-blast-radius' && pkg.version) return pkg.version;
    } catch {
      // try the next candidate
    }
  }
  return '0.0.0';
}

export const TOOL_VERSION = packageVersion();
