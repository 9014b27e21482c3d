// Sentences in agent instruction files that leave a dangerous decision to the model: "never drop the production
// database", "ask before running migrations", "do not read .env". Only the incident's class counts (destructive
// commands, production, migrations, credentials); "never push to main" or "never commit secrets" do not, since no
// deny rule of an agent would enforce them. Rules are enforced by the agent, not by the model
// (code.claude.com/docs/en/permissions), so each of these needs a deny rule behind it.
import { toolsNamedIn } from './commands.js';

export type GuardrailClass = 'destructive' | 'production' | 'migration' | 'credentials';

export interface ProseGuardrail {
  classes: GuardrailClass[];
  /** Destructive tools the sentence names (`rm`, `railway`, `psql` for DROP TABLE). */
  tools: string[];
  /** Offsets of the sentence within the line. */
  start: number;
  end: number;
  text: string;
}

/** A prohibition, or a decision placed with a human. */
const PROHIBITION = new RegExp(
  [
    String.raw`\b(?:never|do\s+not|don['\u2019]?t|must\s+not|mustn['\u2019]?t|should\s+not|shouldn['\u2019]?t|may\s+not|cannot|can['\u2019]?t|not\s+allowed\s+to|forbidden|prohibited|under\s+no\s+circumstances|avoid|refrain\s+from)\b`,
    String.raw`\bwithout\s+(?:(?:explicit|prior|written|human|user|my|our|their|manual|a)\s+)*(?:approval|confirmation|permission|consent|sign-?off)\b`,
    String.raw`\b(?:ask|check\s+with|confirm\s+with)\s+(?:the\s+user|me|us|a\s+human|a\s+maintainer|the\s+team)(?:\s+first)?\s+before\b`,
    String.raw`\b(?:always\s+)?ask\s+(?:for\s+)?(?:(?:explicit|human|user)\s+)?(?:permission|confirmation|approval)\s+before\b`,
    String.raw`\brequires?\s+(?:(?:explicit|human|manual|user)\s+)*(?:approval|confirmation)\b`,
    String.raw`\bonly\s+(?:a\s+human|humans|the\s+user|maintainers?|the\s+team)\s+(?:may|can|should|will)\b`,
  ].join('|'),
  'i',
);

const DESTRUCTIVE_NOUNS = String.raw`(?:databases?|dbs?|volumes?|tables?|buckets?|backups?|clusters?|schemas?|collections?|data\s*stores?|infrastructure|environments?(?!\s+variables?))`;
const QUALIFIERS = String.raw`(?:(?:the|any|a|an|all|our|existing|production|prod|staging|live|shared|persistent|remote|cloud|real|customer|user)\s+)*`;

const CLASS_PATTERNS: Record<GuardrailClass, readonly RegExp[]> = {
  destructive: [
    /\brm\s+-[a-z]*[rf]/i,
    /\b(?:drop|truncate)\s+(?:table|database|schema|collection)s?\b/i,
    /\bdestructive\s+(?!git\b)(?:(?:database|db|sql|shell|terminal|cloud|infrastructure|data)\s+)?(?:commands?|operations?|actions?|queries|query|sql|changes)\b/i,
    new RegExp(String.raw`\b(?:delete|deleting|drop|dropping|destroy|destroying|wipe|wiping|erase|erasing|purge|purging|truncate|truncating|reset|resetting|tear(?:ing)?\s+down)\s+${QUALIFIERS}${DESTRUCTIVE_NOUNS}\b`, 'i'),
    /\b(?:terraform|tofu|pulumi)\s+destroy\b|\bkubectl\s+delete\b|\brailway\s+(?:down|delete|volume)\b|\bprisma\s+migrate\s+reset\b|\bdb:(?:drop|reset)\b|\bmigrate:fresh\b|\bdropdb\b|\bflushall\b|\bdropDatabase\b|\bsupabase\s+db\s+reset\b/i,
    // ORMs' and migration tools' commands that empty or drop the database, as commands.ts knows them.
    /\bprisma\s+db\s+push\b[^\n`]*--(?:force-reset|accept-data-loss)\b|\bmanage\.py\s+(?:flush|reset_db)\b|\becto\.(?:drop|reset)\b|\bschema:drop\b|\bflyway\s+clean\b|\bliquibase\s+drop-?all\b|\bef\s+database\s+drop\b|\bdiesel\s+database\s+reset\b|\bsqlx\s+database\s+drop\b|\balembic\s+downgrade\s+base\b/i,
    // Platform CLIs' destroying subcommands, as commands.ts knows them.
    /\bfly(?:ctl)?\s+(?:apps\s+destroy|volumes?\s+(?:destroy|delete)|destroy)\b|\bheroku\s+(?:apps:destroy|pg:reset|addons:destroy)\b|\bvercel\s+(?:remove|rm)\b|\bnetlify\s+sites:delete\b|\bdoctl\s+[\w-]+\s+delete\b|\bneonctl\s+[\w-]+\s+delete\b|\bturso\s+db\s+destroy\b|\bhelm\s+(?:uninstall|delete)\b|\bwrangler\s+delete\b|\bgcloud\s+(?:[\w-]+\s+){1,3}delete\b|\baws\s+[\w-]+\s+(?:delete-[\w-]+|rm|rb)\b|\baz\s+[\w-]+\s+delete\b/i,
  ],
  production: [
    /\b(?:production|prod)[\s-]+(?:databases?|dbs?|environments?|envs?|servers?|clusters?|infrastructure|infra|volumes?|buckets?|resources?|accounts?|projects?|instances?|credentials|secrets|keys|tokens|systems?|stacks?|deployments?|services?|apis?|data\s*stores?)\b/i,
    /\b(?:deploy|deploying|release|releasing|ship|shipping|promote|promoting)\s+(?:[\w-]+\s+){0,3}?to\s+(?:production|prod)\b/i,
    /\b(?:touch|touching|modify|modifying|access|accessing|connect(?:ing)?\s+to|write\s+to|writing\s+to|alter|altering|mutate|mutating)\s+(?:the\s+)?(?:production|prod)\b(?![\s-]+(?:code|build|bundle|mode|ready|dependenc|logs?))/i,
    /\b(?:run|running|execute|executing)\s+(?:[\w`:-]+\s+){0,4}?against\s+(?:the\s+)?(?:production|prod|live)\b/i,
  ],
  migration: [
    /\b(?:run|running|apply|applying|execute|executing)\s+(?:(?:any|the|database|db|new|pending|schema)\s+){0,2}migrations?\b/i,
    /\bprisma\s+migrate\s+(?:dev|deploy|reset)\b|\bprisma\s+db\s+push\b|\b(?:rails|rake)\s+db:migrate\b|\bmanage\.py\s+migrate\b|\balembic\s+upgrade\b|\bknex\s+migrate\b|\bsequelize\s+db:migrate\b|\bdrizzle-kit\s+(?:push|migrate)\b|\bsupabase\s+db\s+push\b|\bartisan\s+migrate\b/i,
  ],
  credentials: [
    /\b(?:read|reading|open|opening|cat|access|accessing|view|viewing|reveal|revealing|dump|dumping|touch|touching|modify|modifying|edit|editing|load|loading|inspect|inspecting|look(?:ing)?\s+(?:at|in|inside|into))\s+(?:[\w-]+\s+){0,5}?(?:`?\.env\b[\w.*-]*`?|credentials?(?:\s+files?)?|secrets?(?!\s*(?:manager|management|scanning|scanner))|api[ _-]?keys?|access[ _-]?tokens?|private[ _-]?keys?)/i,
    /\b(?:`?\.env`?\s+files?|credentials?\s+files?|secrets?\s+files?)\b/i,
  ],
};

/** The credentials class only counts when the sentence is about the agent looking at secrets, not about code hygiene. */
const CREDENTIAL_HYGIENE = /\b(?:commit|committing|hard-?code|hard-?coding|log|logging|store|storing|push|pushing|expose|exposing|share|sharing|include|including|embed|embedding)\b/i;

/**
 * A coding convention: what to put in the code the agent writes, not what it may run ("Don't use `rm -rf` in npm
 * scripts; use rimraf", "Avoid deleting tables in seed scripts; truncate instead"). It names a place in the code and
 * either a writing verb or, on the same line, the alternative to use.
 */
const CODE_PLACE = /\bin\s+(?:the\s+|our\s+|your\s+|any\s+)?(?:npm\s+|package(?:\.json)?\s+|build\s+|shell\s+|seed\s+|test\s+|ci\s+|setup\s+)?(?:scripts?|seeds?|seeders?|tests?|specs?|code|codebase|source(?:\s+files?)?|components?|handlers?|fixtures?)\b/i;
const CODE_VERB = /\b(?:use|using|write|writing|add|adding|call|calling|put|putting|hard-?code|hard-?coding)\b/i;

/** Who a sentence may address: the agent, the reader, the team. */
const AGENT_SUBJECT = /\b(?:you|your|we|agents?|assistants?|claude|codex|gemini|copilot|cursor|ai|models?|llms?|bots?)\b/i;

/**
 * A sentence that says what something else does or cannot do, not what the agent must not: "The seed script never
 * touches the production database", "CI can't run migrations on forks", "Don't worry about the production database".
 * An order starts with its prohibition (or follows words like "please" and "in production,"), uses the base verb
 * ("never touch"), or names the agent as its subject.
 */
function isDescription(sentence: string): boolean {
  if (/\bdon['\u2019]?t\s+worry\b/i.test(sentence)) return true;
  const thirdPerson = /\bnever\s+(?!(?:is|was|has|does|this|unless|ever|always|across|yes|process|access|address|bypass|pass|press|less)\b)([a-z]+?)(?:es|s)\b/i.exec(sentence);
  const modal = /\b(?:cannot|can['\u2019]?t|won['\u2019]?t|will\s+not|doesn['\u2019]?t|does\s+not)\s+(?:be\s+)?[a-z]+/i.exec(sentence);
  const found = thirdPerson ?? modal;
  if (!found) return false;
  const subject = sentence.slice(0, found.index).replace(/^[\s*_>#`-]+/, '').trim();
  if (subject === '' || AGENT_SUBJECT.test(subject)) return false;
  // Words that open an order: "Please never…", "Important: never…", "In production, never…" (base verbs only).
  if (!thirdPerson && /^(?:please|important|note|warning|caution|always|also|and|but|so|then)\b|,$|:$/i.test(subject)) return false;
  if (thirdPerson && /:$/.test(subject)) return false;
  return true;
}

function isCodeConvention(sentence: string, line: string): boolean {
  return CODE_PLACE.test(sentence) && (CODE_VERB.test(sentence) || /\binstead\b|\bprefer\b/i.test(line));
}

/**
 * Words that take the human out of a step: "without asking", "without confirmation", "no need to ask", "don't ask
 * first", and the leave given as a manner ("run `npm run db:reset` freely", "at will", "whenever you like").
 */
const UNASKED =
  /\bfreely\b|\bat\s+will\b|\bwhenever\s+(?:you\s+)?(?:like|want|wish|need\s+to|see\s+fit)\b|\bwithout\s+(?:first\s+)?(?:asking|checking\s+with|confirming|prompting|waiting\s+for)\b|\bwithout\s+(?:(?:explicit|prior|my|our|user|human|a|any)\s+)*(?:confirmation|approval|permission|consent|sign-?off)\b|\bno\s+need\s+to\s+(?:ask|confirm|check\s+with)\b|\b(?:don['\u2019]?t|do\s+not)\s+(?:need\s+to\s+)?(?:ask|confirm)\s+(?:first|me|us|the\s+user|before|for\s+(?:approval|confirmation|permission))\b/i;

/**
 * A leave given to the reader: "you may", "you can", "feel free to", "you are allowed to", or an order ("Run ...",
 * "When the schema drifts, run ...").
 */
const LEAVE =
  /\b(?:you\s+(?:may|can|are\s+(?:allowed|free|permitted|authori[sz]ed|welcome)\s+to)|feel\s+free\s+to|go\s+ahead\s+and|(?:it\s+is|it['\u2019]s)\s+(?:fine|ok(?:ay)?|safe)\s+to)\b|^\W*(?:(?:if|when|whenever|once|after|before)\b[^,.;]{1,80},\s*)?(?:always\s+)?(?:run|execute|use|reset|drop|delete|wipe|destroy|recreate)\b/i;

/** A negation left once the words taking the human out are set aside: the sentence forbids rather than allows. */
const NEGATION = /\b(?:never|not|don['\u2019]?t|mustn['\u2019]?t|shouldn['\u2019]?t|can['\u2019]?t|cannot|forbidden|prohibited|avoid|unless|except)\b/i;

export interface ProseLeave {
  /** Destructive tools the sentence names. */
  tools: string[];
  start: number;
  end: number;
  text: string;
}

/**
 * A sentence that tells the agent a destructive step needs nobody's yes ("You may run `prisma migrate reset --force`
 * without asking"): instructions no agent enforces either way, but they make the model treat the step as routine.
 */
function isLeave(sentence: string): boolean {
  if (!UNASKED.test(sentence) || !LEAVE.test(sentence)) return false;
  return !NEGATION.test(sentence.replace(UNASKED, ' '));
}

/** The destructive steps one line of prose lets the agent take unasked. */
export function leavesIn(line: string): ProseLeave[] {
  const found: ProseLeave[] = [];
  for (const sentence of sentencesOf(line)) {
    // Removing files (`rm -rf dist`) is what builds do: only data and infrastructure count here.
    if (!isLeave(sentence.text) || !CLASS_PATTERNS.destructive.slice(1).some((pattern) => pattern.test(sentence.text))) continue;
    found.push({ tools: toolsNamedIn(sentence.text), ...sentence });
  }
  return found;
}

/** The guardrails one line of prose states. Lines in code blocks are the caller's to skip. */
export function guardrailsIn(line: string): ProseGuardrail[] {
  const found: ProseGuardrail[] = [];
  for (const sentence of sentencesOf(line)) {
    if (!PROHIBITION.test(sentence.text) || isLeave(sentence.text) || isCodeConvention(sentence.text, line) || isDescription(sentence.text)) continue;
    const classes: GuardrailClass[] = [];
    for (const [name, patterns] of Object.entries(CLASS_PATTERNS) as Array<[GuardrailClass, readonly RegExp[]]>) {
      if (!patterns.some((pattern) => pattern.test(sentence.text))) continue;
      if (name === 'credentials' && CREDENTIAL_HYGIENE.test(sentence.text) && !/\b(?:read|open|cat|access|view)\b/i.test(sentence.text)) continue;
      classes.push(name);
    }
    if (classes.length === 0) continue;
    found.push({ classes, tools: toolsNamedIn(sentence.text), ...sentence });
  }
  return found;
}

/** Sentences of a Markdown line, with list markers and emphasis left in place (offsets stay true to the line). */
function sentencesOf(line: string): Array<{ start: number; end: number; text: string }> {
  const sentences: Array<{ start: number; end: number; text: string }> = [];
  const boundary = /(?<=[.!?;])\s+(?=\S)/g;
  let start = 0;
  const push = (end: number) => {
    const raw = line.slice(start, end);
    // List markers, checkboxes and a trailing semicolon are layout, not part of the sentence.
    const leading = /^\s*(?:(?:[-*+]|\d+[.)])\s+)?(?:\[[ xX]\]\s+)?/.exec(raw)![0].length;
    const text = raw.slice(leading).replace(/[\s;]+$/, '');
    if (text) sentences.push({ start: start + leading, end: start + leading + text.length, text });
  };
  for (const match of line.matchAll(boundary)) {
    push(match.index);
    start = match.index + match[0].length;
  }
  push(line.length);
  return sentences;
}
