// What a path says about its file's purpose, shared by every detector so "test code" means the same everywhere.

/** Tests, fixtures, mocks and examples: an agent reads them too, but what they hold is rarely live. */
const TEST_OR_EXAMPLE = /(?:^|\/)(?:tests?|spec|specs|__tests__|__mocks__|fixtures?|testdata|test-data|mocks?|examples?|samples?)(?:\/|$)|\.(?:test|spec)\.[a-z]+$|(?:^|[/-])examples?-\d*\.json$/i;

export function isTestOrExamplePath(path: string): boolean {
  return TEST_OR_EXAMPLE.test(path);
}

/** The same, plus documentation and browser-test trees: content that describes a system rather than configures it. */
export function isTestExampleOrDocsPath(path: string): boolean {
  return TEST_OR_EXAMPLE.test(path) || /(?:^|\/)(?:docs?|e2e|cypress)(?:\/|$)/i.test(path);
}
