// Values a document names with a prose label on their line: a runbook's `- Linode API token: 4f8a…` or
// `**Hetzner Cloud API token:** \`Xk3m…\``. The line pattern binds such a value to the label's last word (`token`),
// which says nothing of the provider; the label says it as a table row's label does, and is read the same way.
import type { SourceFile } from '../../src/model.js';
import type { Binding } from './bindings.js';
import { aliasesOf, SECRET_WORD } from './tables.js';
import { headingAbove } from './headings.js';

/**
 * A list item or a line that is a label, a colon or `=`, and one value: emphasis around the label (`**…:**`) and a
 * code span or quotes around the value. The label is words (at least two: a single word is a name the line pattern
 * binds), the value one run of token characters. A menu path in the label (`(Account → Tokens)`) is words too.
 */
const LABELLED_VALUE = /^[ \t>]*(?:[-*+][ \t]+|\d+[.)][ \t]+)?(?:\*\*|__)?([A-Za-z][A-Za-z0-9.()/-]*(?:[ \t]+[A-Za-z0-9.()/&\u2192\u203a\u00bb-]+){1,7})(?:\*\*|__)?[ \t]*[:=][ \t]*(?:\*\*|__)?[ \t]*(`{1,2}|["'])?([^\s`"'<>|]{8,})\2?[ \t]*[.,;]?[ \t]*$/;

/** The labelled values on the document's keyword lines whose label names a secret. */
export function labelledBindings(file: SourceFile): Binding[] {
  const bindings: Binding[] = [];
  for (const line of file.keywordLines()) {
    const text = file.line(line);
    if (!text.includes(':') && !text.includes('=')) continue;
    const match = LABELLED_VALUE.exec(text);
    if (!match || !SECRET_WORD.test(match[1]!)) continue;
    const label = match[1]!.trim();
    const value = match[3]!;
    const start = (file.lineStart(line) ?? 0) + match[0].lastIndexOf(value);
    bindings.push({ name: label, value, start, end: start + value.length, aliases: aliasesOf(label, label, headingAbove(file, line)) });
  }
  return bindings;
}
