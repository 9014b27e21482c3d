// The one place a secret is shortened for display: every reporter, message and log line goes through here.

/**
 * Shows just enough of a secret to recognise it (a provider prefix and the last characters) and never more
 * than a quarter of it. Short values are fully masked.
 */
export function redact(value: string): string {
  const trimmed = value.trim();
  if (trimmed.length <= 8) return '*'.repeat(Math.max(trimmed.length, 4));
  const prefix = knownPrefix(trimmed);
  const visibleTail = Math.min(4, Math.floor(trimmed.length / 8));
  const head = prefix ?? trimmed.slice(0, Math.min(4, Math.floor(trimmed.length / 8)));
  return `${head}${'*'.repeat(8)}${visibleTail > 0 ? trimmed.slice(-visibleTail) : ''}`;
}

// A provider prefix names the kind without revealing the secret; showing it helps the reader act on the finding.
const PREFIX = /^(?:[a-z]{2,10}(?:[_-][a-z0-9]{1,8}){0,2}[_-]|[A-Z]{4}(?=[A-Z0-9]{16}$)|-----BEGIN [A-Z ]+-----)/;

function knownPrefix(value: string): string | undefined {
  const match = PREFIX.exec(value);
  if (!match) return undefined;
  // A "prefix" that is most of the value is not a prefix.
  return match[0].length <= value.length / 2 ? match[0] : undefined;
}

/** Replaces every occurrence of `secret` in `text` with its redaction (for snippets built from a source line). */
export function redactIn(text: string, secret: string): string {
  if (!secret) return text;
  return text.split(secret).join(redact(secret));
}
