// How a credential kind's title reads inside a sentence: titles are written to stand alone ("Hard-coded password",
// "AWS secret access key"), and sentences put an article before them.

/** First words of titles that are ordinary nouns or adjectives, not names: lowercased inside a sentence. */
const COMMON_FIRST_WORD = /^(?:Database|Secret|Secret-named|Password|Private|Generic|Hard-coded|Hardcoded|Connection|Basic|Bearer|Session|Webhook|Signing|Encryption|Container|Registry)\b/;

/** The title as it reads inside a sentence: "hard-coded password", but "Railway project token" and "AWS secret access key". */
export function commonNoun(title: string): string {
  return COMMON_FIRST_WORD.test(title) ? title[0]!.toLowerCase() + title.slice(1) : title;
}

/**
 * "a" or "an" before a phrase, by how its first word sounds: initialisms by their first letter's name ("an AWS key",
 * "an NVIDIA key", "a URL", "a JWT"), lowercase initialisms likewise ("an npm token", "an xAI key"), words by their
 * first letter ("an OpenAI key", "a Railway token"), with the "you" and "one" sounds ("a user", "a 1Password token").
 */
export function withArticle(phrase: string): string {
  return `${startsWithVowelSound(phrase) ? 'an' : 'a'} ${phrase}`;
}

function startsWithVowelSound(phrase: string): boolean {
  const initialism = /^(?:[A-Z][A-Z0-9]+(?![a-z])|[A-Z]{2,}[a-z]|npm\b|x[A-Z])/.exec(phrase);
  if (initialism) return /^[AEFHILMNORSXaefhilmnorsx]/.test(phrase);
  if (/^(?:uni|use|usa|uti|eu|one\b)/i.test(phrase)) return false;
  return /^[aeiou]/i.test(phrase);
}

/** The phrase opening a sentence: its first letter in capitals ("An AWS secret access key sits …"). */
export function openingSentence(phrase: string): string {
  return phrase[0]!.toUpperCase() + phrase.slice(1);
}
