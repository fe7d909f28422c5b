import { FILES } from './corpus';
import type { ToolCallSpec } from './steps';
import type { Rng } from '../world/rng';

const COMMANDS = ['npm test -- --run', 'npm run lint', 'npx tsc --noEmit', 'git status --short', 'npm run build'];
const PATTERNS = ['withRetry', 'TODO', 'rateLimit', 'createdAt', 'export default'];

function lines(rng: Rng, n: number): string {
  const out: string[] = [];
  for (let i = 0; i < n; i++)
    out.push(
      `${String(i + 1).padStart(4)}  ${rng.pick(['const x = 1;', 'return value;', '}', 'import { a } from "./a";', '// handled above', 'await queue.flush();'])}`,
    );
  return out.join('\n');
}

export function readCall(rng: Rng): ToolCallSpec {
  const path = rng.pick(FILES);
  const text = lines(rng, rng.int(3, 8));
  return {
    toolName: 'Read',
    title: `Read ${path}`,
    kind: 'read',
    locations: [{ path, line: 1 }],
    rawInput: { file_path: path },
    rawOutput: { content: text },
    content: [{ type: 'content', content: { type: 'text', text } }],
    output: text,
    outcome: 'completed',
    durationMs: rng.int(200, 900),
  };
}

export function editCall(rng: Rng): ToolCallSpec {
  const path = rng.pick(FILES);
  const line = rng.int(5, 240);
  const oldText = 'const attempts = 1;';
  const newText = `const attempts = ${rng.int(2, 5)};`;
  return {
    toolName: 'Edit',
    title: `Edit ${path}`,
    kind: 'edit',
    locations: [{ path, line }],
    rawInput: { file_path: path, old_string: oldText, new_string: newText },
    rawOutput: { success: true },
    content: [{ type: 'diff', path, oldText, newText }],
    output: `Updated ${path}`,
    outcome: 'completed',
    durationMs: rng.int(300, 1200),
  };
}

export function runCall(rng: Rng, fail = rng.chance(0.2)): ToolCallSpec {
  const command = rng.pick(COMMANDS);
  const stdout = fail
    ? `FAIL src/server/queue/worker.test.ts\n  ✕ drains the queue on shutdown (${rng.int(20, 900)} ms)\n\nTests: 1 failed, ${rng.int(20, 80)} passed`
    : `✓ ${rng.int(20, 300)} tests passed in ${rng.int(1, 30)}.${rng.int(0, 9)}s`;
  return {
    toolName: 'Bash',
    title: `Run ${command}`,
    kind: 'execute',
    locations: [],
    rawInput: { command, description: `Run ${command.split(' ')[1] ?? 'command'}` },
    rawOutput: { stdout, stderr: '', exitCode: fail ? 1 : 0 },
    content: [{ type: 'content', content: { type: 'text', text: stdout } }],
    output: stdout,
    outcome: fail ? 'failed' : 'completed',
    durationMs: rng.int(1500, 6000),
  };
}

export function searchCall(rng: Rng): ToolCallSpec {
  const pattern = rng.pick(PATTERNS);
  const hits = rng.sample(FILES, rng.int(1, 4)).map((path) => ({ path, line: rng.int(1, 300) }));
  const text = hits.map((h) => `${h.path}:${h.line}`).join('\n');
  return {
    toolName: 'Grep',
    title: `Search for "${pattern}"`,
    kind: 'search',
    locations: hits,
    rawInput: { pattern, path: '.' },
    rawOutput: { matches: hits.length },
    content: [{ type: 'content', content: { type: 'text', text } }],
    output: text,
    outcome: 'completed',
    durationMs: rng.int(150, 700),
  };
}

export function dispatchCall(rng: Rng, title: string): ToolCallSpec {
  return {
    toolName: 'mcp__sam__dispatch_task',
    title: `Dispatch subtask: ${title}`,
    kind: 'other',
    locations: [],
    rawInput: { title, description: title },
    rawOutput: { status: 'queued' },
    content: [],
    output: `Subtask queued: ${title}`,
    outcome: 'completed',
    durationMs: rng.int(300, 800),
  };
}

export function anyCall(rng: Rng): ToolCallSpec {
  return rng.pick([readCall, editCall, searchCall, (r: Rng) => runCall(r)])(rng);
}
