// agent-permission/prose-destructive-leave: an instructions file tells the agent it may take a destructive step (reset
// or drop a database, destroy infrastructure) without asking anyone.
import { sample, type FindingInput, type RuleMeta, type Span } from '../../../src/model.js';
import type { ProseLeave } from '../../../knowledge/agents/guardrails.js';

export const PROSE_DESTRUCTIVE_LEAVE = 'agent-permission/prose-destructive-leave';

export const proseDestructiveLeave: RuleMeta = {
  id: PROSE_DESTRUCTIVE_LEAVE,
  title: 'Instructions tell the agent to take a destructive step unasked',
  severity: 'medium',
  why:
    'AGENTS.md, CLAUDE.md, .cursor/rules or copilot-instructions.md says the agent may reset or drop a database, or destroy ' +
    'infrastructure, "without asking". Instructions grant nothing the agent enforces, but they decide what the model treats as ' +
    'routine: an agent told that `prisma migrate reset --force` needs nobody\'s yes runs it when something looks off, and a ' +
    'person approving commands by habit, or a shell approved in advance, lets it through. Which database the reset reaches is ' +
    'whatever the environment it runs in points at.',
  fix:
    'Remove the leave from the instructions. Where the step must run unattended, give the agent a task that can only reach a ' +
    'local database (a script that refuses any non-local DATABASE_URL), and keep a deny or ask rule on the destructive command ' +
    'itself (`"Bash(prisma migrate reset:*)"` in permissions.ask of .claude/settings.json).',
  helpUri: 'https://code.claude.com/docs/en/permissions',
  precision: 'medium',
  tags: ['agent', 'instructions', 'destructive', 'owasp-llm06'],
  samples: {
    positive: [
      sample('CLAUDE.md', '# Billing service\n\n## Database\n- You may run `prisma migrate reset --force` without asking when migrations drift.\n', { expect: { line: 4 } }),
      sample('AGENTS.md', '# Agent guide\n\nFeel free to drop the staging database and recreate it without confirmation if the seed fails.\n', { expect: { line: 3 } }),
      sample('CLAUDE.md', '# Working on Rosterly\n\n- Production credentials are in `config/production.env` if you need to debug a customer issue.\n- You may run migrations and `npm run db:reset` freely, it\'s fine.\n', { expect: { line: 4 }, note: 'the leave given as a manner: "freely"' }),
      sample('AGENTS.md', '# Agent guide\n\n## Local setup\nIf the fixtures look stale, run `python manage.py flush --noinput` without asking and load them again.\n', { expect: { line: 4 }, note: "Django's flush empties every table" }),
      sample('.cursor/rules/db.mdc', '---\ndescription: database work\nalwaysApply: true\n---\nWhen the schema drifts, run `npx prisma db push --accept-data-loss` without asking.\n', { expect: { line: 5 }, note: 'a push that may drop columns and their data' }),
      sample('.cursor/rules/infra.mdc', '---\ndescription: infrastructure work\nalwaysApply: true\n---\nRun `terraform destroy` on preview stacks without asking; they are rebuilt on the next push.\n', { expect: { line: 5 } }),
    ],
    negative: [
      sample('CLAUDE.md', '# Billing service\n\n- Never run `prisma migrate reset --force` without asking.\n', { note: 'a guardrail (prose-only-guardrail judges it)' }),
      sample('AGENTS.md', '# Agent guide\n\n- You can run `npm test` and `npm run lint` without asking.\n- You may `rm -rf dist` without asking before a build.\n', { note: 'tests, lint and removing build output' }),
      sample('.cursor/rules/db.mdc', '---\ndescription: database work\nalwaysApply: true\n---\nWhen you change schema.prisma, run `npx prisma db push` without asking.\n', { note: 'a push that refuses to lose data is a migration, not a destructive step' }),
      sample('CLAUDE.md', '# Working on Rosterly\n\n- You may run `npm test` and `npm run db:seed` freely.\n- Data flows freely between the API and the worker; the worker never drops tables.\n', { note: 'a free hand for tests and seeding, and "freely" in a description' }),
      sample('AGENTS.md', '# Agent guide\n\nYou can reset the local database with `prisma migrate reset`; ask first if DATABASE_URL is not localhost.\n', { note: 'a how-to that keeps the human in' }),
    ],
  },
};

/** The finding for a leave found in `path`, which the agents titled `readers` load. */
export function proseLeaveFinding(path: string, readers: readonly string[], leave: ProseLeave, span: Span, line: string): FindingInput {
  const who = readers.length === 0 ? 'the agent' : readers.length === 1 ? readers[0]! : `${readers.slice(0, -1).join(', ')} and ${readers[readers.length - 1]}`;
  const what = leave.tools.length > 0 ? leave.tools.join(', ') : 'a destructive step';
  return {
    ruleId: PROSE_DESTRUCTIVE_LEAVE,
    message:
      `${path} tells ${who} to take ${leave.tools.length > 0 ? `a destructive step (${what})` : what} without asking a human: ` +
      `"${quoted(leave.text)}". No agent enforces prose, but the model now treats the step as routine.`,
    location: { path, span },
    snippet: line.length > 200 ? `${line.slice(0, 197)}...` : line,
    evidence: `leave|${leave.text}`,
    details: { agents: [...readers], tools: leave.tools },
  };
}

/** The sentence as quoted in a message: without its closing stop, cut when long. */
function quoted(sentence: string): string {
  const text = sentence.replace(/[.!]+$/, '');
  return text.length > 160 ? `${text.slice(0, 157)}...` : text;
}
