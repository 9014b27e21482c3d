// Runs the command line in-process with captured output: what a user or CI sees, without spawning Node.
import { main, type CliIo } from '../../src/cli.js';

export async function runCli(args: string[], env: NodeJS.ProcessEnv = {}, isTty = false): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { stdout: (text) => void (stdout += text), stderr: (text) => void (stderr += text), isTty, env };
  const code = await main(args, io);
  return { code, stdout, stderr };
}
