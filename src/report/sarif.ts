// SARIF 2.1.0 for GitHub code scanning: one run, every rule with its help, results with repo-relative URIs and our
// line-independent fingerprint, invocation notifications, and the blast-radius summary as run properties.
import { pathToFileURL } from 'node:url';
import type * as Sarif from 'sarif';
import type { Finding, Location, Notification, RelatedLocation, RuleMeta, ScanResult, Severity } from '../model.js';
import { severityRank } from '../model.js';
import { ruleHelpMarkdown, ruleHelpText, SECURITY_SEVERITY } from '../rule-docs.js';
import { SARIF_FINGERPRINT_KEY } from '../suppress.js';
import type { RenderOptions } from './options.js';

export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';
/** GitHub keeps 25,000 results per run but shows only 5,000; past that we cut, worst first, and say so. */
export const MAX_SARIF_RESULTS = 5000;
const MAX_TAGS = 10;
const SRCROOT = '%SRCROOT%';

const LEVEL: Record<Severity, Sarif.ReportingConfiguration.level> = { critical: 'error', high: 'error', medium: 'warning', low: 'note', info: 'note' };

export function buildSarif(result: ScanResult, options: RenderOptions): Sarif.Log {
  const ruleIndex = new Map(result.rules.map((rule, index) => [rule.id, index]));
  let findings = result.findings.filter((finding) => options.includeSuppressed || !finding.suppression);
  const notifications: Notification[] = [...result.notifications];
  if (findings.length > MAX_SARIF_RESULTS) {
    const dropped = findings.length - MAX_SARIF_RESULTS;
    findings = [...findings].sort((a, b) => severityRank(b.severity) - severityRank(a.severity)).slice(0, MAX_SARIF_RESULTS);
    notifications.push({
      level: 'warning',
      code: 'sarif-results-cut',
      message: `${dropped} lower-severity results were left out to stay within GitHub's ${MAX_SARIF_RESULTS} shown results; see the JSON report for all.`,
    });
  }
  const run: Sarif.Run = {
    tool: {
      driver: {
        name: 'blast-radius',
        fullName: 'agent-blast-radius',
        version: result.toolVersion,
        semanticVersion: result.toolVersion,
        rules: result.rules.map(ruleDescriptor),
      },
    },
    automationDetails: { id: 'blast-radius/' },
    originalUriBaseIds: { [SRCROOT]: { uri: pathToFileURL(result.root.endsWith('/') ? result.root : `${result.root}/`).href } },
    invocations: [
      {
        executionSuccessful: result.complete,
        toolExecutionNotifications: notifications.map(notificationOf),
      },
    ],
    columnKind: 'utf16CodeUnits',
    results: findings.map((finding) => resultOf(finding, ruleIndex)),
    properties: { blastRadius: result.summary as unknown as Sarif.PropertyBag },
  };
  return { $schema: SARIF_SCHEMA_URI, version: '2.1.0', runs: [run] };
}

export function renderSarif(result: ScanResult, options: RenderOptions): string {
  return `${JSON.stringify(buildSarif(result, options), null, 2)}\n`;
}

function ruleDescriptor(rule: RuleMeta): Sarif.ReportingDescriptor {
  const tags = ['security', rule.id.slice(0, rule.id.indexOf('/')), ...(rule.tags ?? [])].filter((tag, index, all) => all.indexOf(tag) === index).slice(0, MAX_TAGS);
  const properties: Sarif.PropertyBag = { tags, precision: rule.precision };
  const securitySeverity = SECURITY_SEVERITY[rule.severity];
  if (securitySeverity) properties['security-severity'] = securitySeverity;
  return {
    id: rule.id,
    name: pascalCase(rule.id),
    shortDescription: { text: truncate(rule.title, 1024) },
    fullDescription: { text: truncate(rule.why, 1024) },
    help: { text: ruleHelpText(rule), markdown: ruleHelpMarkdown(rule) },
    ...(rule.helpUri ? { helpUri: rule.helpUri } : {}),
    defaultConfiguration: { level: LEVEL[rule.severity] },
    properties,
  };
}

function resultOf(finding: Finding, ruleIndex: ReadonlyMap<string, number>): Sarif.Result {
  const related = finding.related ?? [];
  const sarifResult: Sarif.Result = {
    ruleId: finding.ruleId,
    level: LEVEL[finding.severity],
    message: { text: messageWithLinks(finding.message, related) },
    locations: [physical(finding.location)],
    partialFingerprints: { [SARIF_FINGERPRINT_KEY]: finding.fingerprint },
    properties: { severity: finding.severity, ...(SECURITY_SEVERITY[finding.severity] ? { 'security-severity': SECURITY_SEVERITY[finding.severity] } : {}), details: finding.details as Sarif.PropertyBag },
  };
  const index = ruleIndex.get(finding.ruleId);
  if (index !== undefined) sarifResult.ruleIndex = index;
  if (related.length) {
    sarifResult.relatedLocations = related.map((entry, id) => ({ id: id + 1, ...physical(entry.location), message: { text: entry.message } }));
  }
  if (finding.flow?.length) {
    sarifResult.codeFlows = [
      {
        threadFlows: [{ locations: finding.flow.map((step, order) => ({ executionOrder: order + 1, location: { ...physical(step.location), message: { text: step.message } } })) }],
      },
    ];
  }
  if (finding.suppression) {
    sarifResult.suppressions = [{ kind: finding.suppression.kind, status: 'accepted', justification: finding.suppression.justification }];
  }
  return sarifResult;
}

function physical(location: Location): Sarif.Location {
  const span = location.span;
  const startLine = Math.max(1, span.line);
  const endLine = Math.max(startLine, span.endLine);
  const startColumn = Math.max(1, span.column);
  const endColumn = endLine === startLine ? Math.max(startColumn + 1, span.endColumn) : Math.max(1, span.endColumn);
  const sarifLocation: Sarif.Location = {
    physicalLocation: {
      artifactLocation: { uri: encodePath(location.path), uriBaseId: SRCROOT },
      region: { startLine, startColumn, endLine, endColumn },
    },
  };
  if (location.commit) sarifLocation.properties = { commit: location.commit };
  return sarifLocation;
}

/** Appends "([where](n))" links so code scanning shows each related location inline. */
function messageWithLinks(message: string, related: readonly RelatedLocation[]): string {
  if (related.length === 0) return message;
  const links = related.map((entry, index) => `[${escapeBrackets(entry.message)}](${index + 1})`).join(', ');
  return `${message} Related: ${links}.`;
}

function notificationOf(notification: Notification): Sarif.Notification {
  const sarifNotification: Sarif.Notification = {
    level: notification.level === 'note' ? 'note' : notification.level,
    message: { text: notification.message },
    descriptor: { id: notification.code },
  };
  if (notification.path) {
    sarifNotification.locations = [
      {
        physicalLocation: {
          artifactLocation: { uri: encodePath(notification.path), uriBaseId: SRCROOT },
          ...(notification.line ? { region: { startLine: Math.max(1, notification.line) } } : {}),
        },
      },
    ];
  }
  return sarifNotification;
}

/** Repo-relative URI: percent-encode what URIs cannot hold, keep the slashes. */
function encodePath(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

function escapeBrackets(text: string): string {
  return text.replace(/[[\]]/g, (bracket) => `\\${bracket}`);
}

function pascalCase(id: string): string {
  return id
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((part) => part[0]!.toUpperCase() + part.slice(1))
    .join('');
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
