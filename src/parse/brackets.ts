// Where a bracket closes in source text read without a parser (a Bicep resource's body, a CDK app's props, a
// subprocess's argument list, a Codex rule's call): nested pairs counted, brackets inside quoted strings skipped.

const CLOSER: Readonly<Record<string, string>> = { '(': ')', '[': ']', '{': '}' };

/**
 * The index of the bracket that closes the one at `open`, or -1 when it does not close (within `limit` characters,
 * when given). `quotes` are the characters that open a string; a backslash escapes the character after it there.
 */
export function closingBracket(text: string, open: number, options: { quotes?: string; limit?: number } = {}): number {
  const opener = text[open] ?? '';
  const closer = CLOSER[opener];
  if (!closer) return -1;
  const quotes = options.quotes ?? `"'`;
  const end = options.limit === undefined ? text.length : Math.min(text.length, open + options.limit);
  let depth = 0;
  let quote: string | undefined;
  for (let i = open; i < end; i++) {
    const char = text[i]!;
    if (quote) {
      if (char === '\\') i++;
      else if (char === quote) quote = undefined;
    } else if (quotes.includes(char)) quote = char;
    else if (char === opener) depth++;
    else if (char === closer && --depth === 0) return i;
  }
  return -1;
}
