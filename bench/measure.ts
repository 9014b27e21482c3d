// One measured scan in a fresh process, so peak RSS and wall time belong to this scan alone. Prints JSON.
// Loading the detectors (start-up) is timed apart from the scan itself, so throughput and linearity describe the
// scan and start-up is reported as what it is.
const root = process.argv[2];
if (!root) {
  process.stderr.write('usage: measure <root>\n');
  process.exit(2);
}
const loading = performance.now();
const { scan } = await import('../src/scan.js');
await import('../detectors/index.js');
const startupMs = performance.now() - loading;
const started = performance.now();
const cpuBefore = process.cpuUsage();
const result = await scan({ root });
const wallMs = performance.now() - started;
// Every thread of the process: the scan's workers, and V8's own compiler and garbage-collector threads.
const cpu = process.cpuUsage(cpuBefore);
process.stdout.write(
  JSON.stringify({
    wallMs,
    cpuMs: (cpu.user + cpu.system) / 1000,
    startupMs,
    files: result.stats.filesRead,
    bytes: result.stats.bytesRead,
    maxRssKb: process.resourceUsage().maxRSS,
    findings: result.findings.map((finding) => ({ rule: finding.ruleId, path: finding.location.path, line: finding.location.span.line })),
  }),
);
