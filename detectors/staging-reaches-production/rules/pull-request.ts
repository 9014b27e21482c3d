// A GitHub Actions job that pull requests run, deployed into the production environment: the pull request's code
// (or what the workflow does on its behalf) runs with production's environment secrets and deployment rights.
import { sample, type RuleMeta } from '../../../src/model.js';
import { DETECTOR } from './verdict.js';

export const pullRequestInProduction: RuleMeta = {
  id: `${DETECTOR}/pull-request-in-production`,
  title: 'Pull-request job runs in the production environment',
  severity: 'high',
  why:
    'A workflow job that pull requests trigger declares `environment: production`: every pull request, reviewed or not, runs in production with its environment secrets and its cloud role (OIDC tokens name the environment). ' +
    'A branch pushed by a teammate or a coding agent deploys or migrates production before anyone reviews it.',
  fix: 'Run pull requests in a preview or staging environment of their own; deploy to production only from `push` to the default branch (or a release), and protect the production environment with required reviewers and a deployment branch rule.',
  help:
    'Severity: critical for `pull_request_target` jobs that check out the pull request\'s head (code from forks runs with production\'s secrets), high for `pull_request` (branches of the repository get the environment\'s secrets; forks get none), medium for `pull_request_target` jobs that run the base branch\'s code. ' +
    'A workflow with other triggers counts only for jobs without an `if:` that keeps pull requests out, and that need no job whose `if:` does (a job skipped by its `if:` skips the jobs that need it). The repository cannot show the environment\'s protection rules, which may hold such a job for a reviewer.',
  helpUri: 'https://docs.github.com/en/actions/managing-workflow-runs-and-deployments/managing-deployments/managing-environments-for-deployment',
  precision: 'high',
  tags: ['environments', 'ci', 'secrets'],
  samples: {
    positive: [
      sample('.github/workflows/preview.yml', 'name: preview\non: pull_request\njobs:\n  preview:\n    runs-on: ubuntu-latest\n    environment: production\n    steps:\n      - uses: actions/checkout@v4\n      - run: npx vercel deploy --token ${{ secrets.VERCEL_TOKEN }}\n', { expect: { line: 6 } }),
      sample('.github/workflows/deploy.yml', 'on:\n  push:\n    branches: [main]\n  pull_request:\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    environment:\n      name: production\n      url: https://acme.dev\n    steps:\n      - uses: actions/checkout@v4\n      - run: ./deploy.sh\n', { expect: { line: 8 }, note: 'push and pull_request, and no if: keeping pull requests out' }),
      sample('.github/workflows/pr-migrate.yml', 'on:\n  pull_request_target:\n    types: [labeled]\njobs:\n  migrate:\n    runs-on: ubuntu-latest\n    environment: production\n    steps:\n      - uses: actions/checkout@v4\n        with:\n          ref: ${{ github.event.pull_request.head.sha }}\n      - run: npm ci && npm run migrate\n        env:\n          DATABASE_URL: ${{ secrets.DATABASE_URL }}\n', { expect: { line: 7 }, note: "pull_request_target checking out the pull request's code" }),
      sample('.github/workflows/ci.yml', "on: [push, pull_request]\njobs:\n  test:\n    if: github.event_name == 'pull_request'\n    runs-on: ubuntu-latest\n    steps:\n      - run: npm test\n  migrate:\n    needs: test\n    runs-on: ubuntu-latest\n    environment: production\n    steps:\n      - run: npx prisma migrate deploy\n", { expect: { line: 11 }, note: 'the job it needs runs on pull requests, so it does too' }),
    ],
    negative: [
      sample('.github/workflows/ci.yml', "on: [push, pull_request]\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: npm test\n  build:\n    if: github.event_name == 'push' && github.ref == 'refs/heads/main'\n    needs: test\n    runs-on: ubuntu-latest\n    steps:\n      - run: docker build -t app .\n  publish:\n    needs: build\n    runs-on: ubuntu-latest\n    steps:\n      - run: docker push app\n  migrate:\n    needs: publish\n    runs-on: ubuntu-latest\n    environment: production\n    steps:\n      - run: npx prisma migrate deploy\n", { note: 'two jobs back it needs one kept to pushes to main: skipped on pull requests, its dependents with it' }),
      sample('.github/workflows/deploy.yml', 'on:\n  push:\n    branches: [main]\n  pull_request:\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: npm test\n  deploy:\n    if: github.event_name == \'push\' && github.ref == \'refs/heads/main\'\n    needs: test\n    runs-on: ubuntu-latest\n    environment: production\n    steps:\n      - run: ./deploy.sh\n', { note: 'the production job is kept to pushes to main' }),
      sample('.github/workflows/preview.yml', 'on: pull_request\njobs:\n  preview:\n    runs-on: ubuntu-latest\n    environment: preview\n    steps:\n      - run: npx vercel deploy\n'),
      sample('.github/workflows/release.yml', 'on:\n  pull_request:\n    types: [closed]\n    branches: [main]\njobs:\n  release:\n    if: github.event.pull_request.merged == true\n    runs-on: ubuntu-latest\n    environment: production\n    steps:\n      - run: ./deploy.sh\n', { note: 'a merged pull request: the code is on main' }),
    ],
  },
};
