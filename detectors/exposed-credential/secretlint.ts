// secretlint's recommended rules, run directly (not through @secretlint/core): @secretlint/core marks a profiler
// entry per rule per file even without --profile, which grows without bound on large scans. Each rule runs only on
// files that contain one of its keywords, and its matches become candidates of our kinds, so its messages (which
// quote the secret) are never shown.
import { creator as recommended } from '@secretlint/secretlint-rule-preset-recommend';
import type { SecretLintRuleContext, SecretLintRuleCreator, SecretLintRuleReportDescriptor, SecretLintSourceCode } from '@secretlint/types';
import type { SourceFile } from '../../src/model.js';
import { lookupTable } from '../../src/lookup-table.js';

/** A secretlint match: which rule and message said so, and where. */
export interface SecretlintMatch {
  ruleId: string;
  messageId: string;
  start: number;
  end: number;
}

/** Keywords (lower-case) that each rule's patterns contain; a rule runs only when one occurs in the file. */
const RULE_KEYWORDS: Readonly<Record<string, readonly string[]>> = lookupTable({
  // Its secret-key pattern needs `secret_access`/`secretAccess`; its key-ID pattern finds what our own AKIA/ASIA
  // patterns find (and identifiers such as AROA, which are not credentials) in every file anyway.
  '@secretlint/secretlint-rule-aws': ['secret_access', 'secretaccess'],
  '@secretlint/secretlint-rule-gcp': ['private_key'],
  '@secretlint/secretlint-rule-privatekey': ['private key'],
  '@secretlint/secretlint-rule-npm': ['npm_', '_authtoken', 'npm_token'],
  '@secretlint/secretlint-rule-basicauth': ['://'],
  '@secretlint/secretlint-rule-slack': ['xox', 'hooks.slack.com'],
  '@secretlint/secretlint-rule-sendgrid': ['sg.'],
  '@secretlint/secretlint-rule-shopify': ['shpat_', 'shpca_', 'shppa_', 'shpss_'],
  '@secretlint/secretlint-rule-github': ['ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_', 'github_pat_'],
  '@secretlint/secretlint-rule-openai': ['t3blbkfj', 'sk-proj-', 'sk-svcacct-', 'sk-admin-'],
  '@secretlint/secretlint-rule-anthropic': ['sk-ant-'],
  '@secretlint/secretlint-rule-linear': ['lin_api_', 'lin_oauth_'],
  '@secretlint/secretlint-rule-1password': ['ops_'],
  '@secretlint/secretlint-rule-database-connection-string': ['postgres', 'mysql', 'mongodb'],
});

/** Every keyword any secretlint rule needs: declared to the prefilter by the detector. */
export const SECRETLINT_KEYWORDS: readonly string[] = [...new Set(Object.values(RULE_KEYWORDS).flat())];

interface LoadedRule {
  id: string;
  creator: SecretLintRuleCreator;
  keywords: readonly string[];
}

// filter-comments is secretlint's own suppression mechanism; ours is blast-radius-ignore.
const RULES: readonly LoadedRule[] = (recommended.rules as SecretLintRuleCreator[])
  .filter((rule) => rule.meta.id in RULE_KEYWORDS)
  .map((rule) => ({ id: rule.meta.id, creator: rule, keywords: RULE_KEYWORDS[rule.meta.id]! }));

/** Runs the rules whose keywords occur in the file; synchronous (every recommended text rule is). */
export function secretlintMatches(file: SourceFile): SecretlintMatch[] {
  const matches: SecretlintMatch[] = [];
  const dot = file.path.lastIndexOf('.');
  const indexToPosition = (index: number) => {
    const position = file.positionAt(index);
    return { line: position.line, column: position.column - 1 };
  };
  const positionToIndex = (position: { line: number; column: number }) => (file.lineStarts[position.line - 1] ?? file.text.length) + position.column;
  // No physical path: the rules then never read the file themselves (the P12 rule would).
  const source: SecretLintSourceCode = {
    hasBOM: false,
    content: file.text,
    filePath: file.path,
    physicalFilePath: undefined,
    ext: dot > file.path.lastIndexOf('/') ? file.path.slice(dot) : '',
    contentType: 'text',
    getFilePath: () => file.path,
    getPhysicalFilePath: () => undefined,
    indexToPosition,
    positionToIndex,
    rangeToLocation: (range) => ({ start: indexToPosition(range[0]), end: indexToPosition(range[1]) }),
    locationToRange: (location) => [positionToIndex(location.start), positionToIndex(location.end)],
  };
  for (const rule of RULES) {
    if (!rule.keywords.some((keyword) => file.hasKeyword(keyword))) continue;
    const context = ruleContext(rule.id, matches);
    const handlers = rule.creator.create(context, {});
    try {
      const outcome = handlers.file?.(source);
      // A rule that turns asynchronous (the P12 reader, for binary files we never read) is not waited for.
      if (outcome && typeof (outcome as Promise<void>).catch === 'function') (outcome as Promise<void>).catch(() => undefined);
    } catch {
      // A rule that throws on odd input must not end the file's scan; our own kinds still run.
    }
  }
  return matches;
}

function ruleContext(ruleId: string, sink: SecretlintMatch[]): SecretLintRuleContext {
  const context = {
    sharedOptions: {},
    createTranslator: () => (messageId: string, data?: unknown) => ({ message: messageId, messageId, data }),
    report(descriptor: SecretLintRuleReportDescriptor) {
      sink.push({ ruleId, messageId: descriptor.message.messageId, start: descriptor.range[0], end: descriptor.range[1] });
    },
    ignore() {},
  };
  return context as unknown as SecretLintRuleContext;
}
