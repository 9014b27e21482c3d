// Values a document names with a prose label on their line: a runbook's `- Linode API token: 4f8a…` or
// `**Hetzner Cloud API token:** \`Xk3m…\``. The line pattern binds such a value to the label's last word (`token`),
// which says nothing of the provider; the label says it as a table row's label does, and is read the same way.
import type { SourceFile } from '../../src/model.js';
import type { Binding } from './bindings.js';
import { aliasesOf, NOT_A_SECRET, SECRET_WORD } from './tables.js';
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

/**
 * A sentence that gives a secret after naming it (a chat log's or an incident note's "the hetzner token is Xk3m…",
 * "vultr api key: Q2W7…", "scaleway secret key 8e3b…"): up to three words before the secret word, then `is`, a colon,
 * `=` or nothing, then one run of token characters. The words name the provider as a label does.
 */
const NAMED_IN_SENTENCE = /(?<![\w'\u2019-])((?:[A-Za-z][\w.-]*[ ]){0,2}[A-Za-z][\w.-]*[ ](?:(?:api|access|secret|cloud|personal)[ ])*(?:token|key))[ \t]*(?:(?:\bis\b|[:=])[ \t]*)?[`"']?([A-Za-z0-9_~+/.=-]{16,})(?![\w~+/=-])/gi;
/** A line that is a comment in code: `#`, `//`, `--`, `;`, or a block comment's `/*` or `*` line. */
const LINE_COMMENT = /^[ \t]*(?:#|\/\/|--|;|\/?\*)/;
/** What NAMED_IN_SENTENCE needs from the secret word on: a line without it has no such sentence. */
const SECRET_WORD_THEN_VALUE = /[ ](?:token|key)[ \t]*(?:(?:\bis\b|[:=])[ \t]*)?[`"']?[A-Za-z0-9_~+/.=-]{16}/i;
/** Words a sentence puts before the name that are not part of it. */
const LEADING_WORDS = /^(?:(?:the|our|my|your|his|her|their|here'?s|here|is|use|a|an|new|old|current|this|that|and|with|for)[ ]+)+/i;

/**
 * The values sentences on one keyword line (in code, only a comment line) name for a provider, `lineStart` its
 * offset. A sentence is not a declaration: these only count where a provider kind knows the name the words spell and
 * the value has that kind's shape (`providerOnly`).
 */
export function sentenceBindingsOfLine(text: string, lineStart: number, commentsOnly: boolean): Binding[] {
  if (commentsOnly && !LINE_COMMENT.test(text)) return [];
  // The pattern tries every word of the line as a sentence's start; what must follow the secret word is asked first,
  // by a pattern that can start only at a blank (most lines of prose never give it).
  if (!SECRET_WORD_THEN_VALUE.test(text)) return [];
  const bindings: Binding[] = [];
  for (const match of text.matchAll(NAMED_IN_SENTENCE)) {
    const label = match[1]!.replace(LEADING_WORDS, '');
    // A bare secret word names no provider; a word that says the value is something else is no name.
    if (!label.includes(' ') || NOT_A_SECRET.test(label)) continue;
    const value = match[2]!;
    const start = lineStart + match.index + match[0].length - value.length;
    bindings.push({ name: label, value, start, end: start + value.length, aliases: aliasesOf(label, label), providerOnly: true });
  }
  return bindings;
}
