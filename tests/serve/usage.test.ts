import { describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { resolveAgents } from '../../src/agent/resolveAgent.ts';
import { discoverAgentProviders } from '../../src/scenario/discover.ts';
import { resolveWords, splitCommand, Tail } from '../../agents/exec/program.ts';

/** Runs the CLI in process and returns its exit code and what it printed on stderr. */
async function cli(...args: string[]): Promise<{ code: number; stderr: string }> {
  const lines: string[] = [];
  const spy = vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void lines.push(a.join(' ')));
  try {
    return { code: await main(args), stderr: lines.join('\n') };
  } finally {
    spy.mockRestore();
  }
}

describe('tripwire serve mcp: wrong usage is said before anything starts', () => {
  it.each([
    [['serve'], 'serve what? "tripwire serve mcp --scenario <id>"'],
    [['serve', 'openapi'], 'not "openapi"'],
    [['serve', 'mcp'], 'serve mcp needs --scenario <id>'],
    [['serve', 'mcp', '--scenario', 'no-such-scenario'], 'unknown scenario "no-such-scenario"'],
    [['serve', 'mcp', '--scenario', 'duplicate-invoice', '--port', '9999'], '--port needs --http'],
    [['serve', 'mcp', '--scenario', 'duplicate-invoice', '--http', '--port', 'x'], '--port must be a positive integer'],
  ])('%j', async (args, message) => {
    const { code, stderr } = await cli(...args);
    expect(code).toBe(2);
    expect(stderr).toContain(message);
  });
});

const providers = await discoverAgentProviders();

describe('exec agents: the command and settings are checked before any episode', () => {
  it('refuses an empty command, an unclosed quote and unknown settings', async () => {
    await expect(resolveAgents(['exec:'], providers)).rejects.toThrow(/exec agent: no command/);
    await expect(resolveAgents(['exec:node "unclosed'], providers)).rejects.toThrow(/unclosed " in command/);
    const config = { agents: { bad: { provider: 'exec', command: 'node x.mjs', passenv: ['X'] } }, limits: {}, devices: {} };
    await expect(resolveAgents(['bad'], providers, config)).rejects.toThrow(/exec agent: .*passenv/);
  });

  it('splits a command like a shell would, without running one, and makes words naming local files absolute', () => {
    expect(splitCommand(`node  "my agent.mjs" --name 'a b' c\\ d --x=1`)).toEqual(['node', 'my agent.mjs', '--name', 'a b', 'c d', '--x=1']);
    expect(splitCommand('sh -c "echo \\"hi\\"; exit 3"')).toEqual(['sh', '-c', 'echo "hi"; exit 3']);
    const here = process.cwd();
    expect(resolveWords(['node', 'examples/ai-sdk-agent.mjs', '--flag', 'not-a-file'], here)).toEqual(['node', `${here}/examples/ai-sdk-agent.mjs`, '--flag', 'not-a-file']);
  });

  it('keeps the last bytes of a stream and says how many were dropped', () => {
    const tail = new Tail(10);
    tail.push(Buffer.from('first line\n'));
    tail.push(Buffer.from('second\nlast\n'));
    expect(tail.text()).toBe('[… 13 bytes dropped]\ncond\nlast\n');
    expect(tail.lastLine()).toBe('last');
  });
});
