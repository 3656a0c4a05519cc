import { describe, expect, it } from 'vitest';
import { spawnCli } from '../support/cli';

/**
 * `tierbook … | head`: the reader closes the pipe before the output is written. The command ends as it
 * would have (exit 0), without a stack trace about the pipe — before, Node's unhandled EPIPE crashed it.
 */
describe('the CLI writing to a pipe its reader has closed', () => {
  it('exits as the command would, with nothing on stderr', async () => {
    const child = spawnCli(['--help']);
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
  });
});
