// A small credential detector of the tests' own, for exercising the git machinery (staged, history, Action) apart
// from the real detectors: reports `TESTKEY-` tokens and publishes them as credentials with their value hash.
import { sha256 } from '../../src/fingerprint.js';
import type { Detector } from '../../src/model.js';
import { sample } from '../../src/model.js';

export const TEST_RULE = 'test-credential/key';

export const testCredentialDetector: Detector = {
  id: 'test-credential',
  keywords: ['testkey-'],
  rules: [
    {
      id: TEST_RULE,
      title: 'Test key',
      severity: 'high',
      why: 'The test detector reports every TESTKEY- token.',
      fix: 'Remove it.',
      precision: 'high',
      samples: { positive: [sample('a.txt', 'TESTKEY-abcdef')], negative: [sample('a.txt', 'nothing')] },
    },
  ],
  scanFile(file, out) {
    for (const match of file.text.matchAll(/TESTKEY-([A-Za-z0-9]{6,})/g)) {
      const span = file.spanOf(match.index, match.index + match[0].length);
      const location = { path: file.path, span };
      out.publish('credential', {
        id: `${file.path}:${span.line}:${span.column}`,
        provider: 'test',
        kind: 'test-key',
        kindTitle: 'Test key',
        location,
        value: match[0],
        valueHash: sha256(match[0]),
        redacted: 'TESTKEY-***',
        inIgnoredDotenv: false,
      });
      out.report({ ruleId: TEST_RULE, message: 'Test key in the file.', location, evidence: match[0], snippet: 'TESTKEY-***' });
    }
  },
};
