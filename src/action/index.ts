// Entry point of the GitHub Action (bundled to action/index.js by scripts/bundle-action.ts).
import { runAction } from './run.js';

runAction(process.env, { stdout: (text) => process.stdout.write(text) }).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stdout.write(`::error::blast-radius: internal error: ${String(error)}\n`);
    process.exitCode = 2;
  },
);
