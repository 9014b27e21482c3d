// One measured scan in a fresh process, so peak RSS and wall time belong to this scan alone. Prints JSON.
import { scan } from '../src/scan.js';

const root = process.argv[2];
if (!root) {
  process.stderr.write('usage: measure <root>\n');
  process.exit(2);
}
const started = performance.now();
const result = await scan({ root });
const wallMs = performance.now() - started;
process.stdout.write(
  JSON.stringify({
    wallMs,
    files: result.stats.filesRead,
    bytes: result.stats.bytesRead,
    maxRssKb: process.resourceUsage().maxRSS,
    findings: result.findings.map((finding) => ({ rule: finding.ruleId, path: finding.location.path, line: finding.location.span.line })),
  }),
);
