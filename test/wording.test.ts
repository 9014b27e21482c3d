// Credential kind titles inside sentences: the article and the case of the first word.
import { describe, expect, it } from 'vitest';
import { commonNoun, openingSentence, withArticle } from '../src/wording.js';
import { EXPOSED_RULES } from '../detectors/exposed-credential/rules.js';

describe('credential titles in sentences', () => {
  it('lowercases ordinary first words and keeps names', () => {
    expect(commonNoun('Hard-coded password')).toBe('hard-coded password');
    expect(commonNoun('Database connection string with a password')).toBe('database connection string with a password');
    expect(commonNoun('Registry login in an .npmrc')).toBe('registry login in an .npmrc');
    expect(commonNoun('Railway project token')).toBe('Railway project token');
    expect(commonNoun('JSON Web Token')).toBe('JSON Web Token');
  });

  it('chooses the article by how the first word sounds', () => {
    const cases: Array<[string, string]> = [
      ['AWS secret access key', 'an AWS secret access key'],
      ['NVIDIA API key', 'an NVIDIA API key'],
      ['HCP Terraform / Terraform Enterprise API token', 'an HCP Terraform / Terraform Enterprise API token'],
      ['OVHcloud API consumer key', 'an OVHcloud API consumer key'],
      ['E2B API key', 'an E2B API key'],
      ['npm access token', 'an npm access token'],
      ['xAI API key', 'an xAI API key'],
      ['OpenAI admin key', 'an OpenAI admin key'],
      ['age secret key', 'an age secret key'],
      ['Upstash Redis REST token', 'an Upstash Redis REST token'],
      ['URL with a password in it', 'a URL with a password in it'],
      ['JWT signing secret', 'a JWT signing secret'],
      ['1Password service account token', 'a 1Password service account token'],
      ['user token', 'a user token'],
      ['Railway account token', 'a Railway account token'],
      ['GitHub OAuth access token', 'a GitHub OAuth access token'],
    ];
    expect(cases.map(([title]) => withArticle(title))).toEqual(cases.map(([, expected]) => expected));
  });

  it('opens a sentence with a capital', () => {
    expect(openingSentence(withArticle(commonNoun('Hard-coded password')))).toBe('A hard-coded password');
    expect(openingSentence(withArticle('AWS secret access key'))).toBe('An AWS secret access key');
  });

  it("writes the rules' help with them", () => {
    const why = (id: string) => EXPOSED_RULES.find((rule) => rule.id === `exposed-credential/${id}`)!.why.split(' sits')[0];
    expect([why('aws-secret-access-key'), why('hardcoded-password'), why('railway-account-token')]).toEqual(['An AWS secret access key', 'A hard-coded password', 'A Railway account token']);
  });
});
