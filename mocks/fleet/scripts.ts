import type { PlanEntry } from '../world/types';
import type { Rng } from '../world/rng';
import { ERRORS, QUESTIONS, answer, chunk, shortReply, slug, thought } from './corpus';
import type { Step } from './steps';
import { anyCall, dispatchCall, editCall, readCall, runCall, searchCall } from './tools';

export type Ending = 'complete' | 'fail' | 'ask' | 'idle' | 'endless' | 'sleep';

export interface TaskScriptOptions {
  title: string;
  ending: Ending;
  /** Work rounds before the ending (tools, thinking, an answer, a plan update). */
  rounds?: number;
  error?: string;
  sqlTimestamps?: boolean;
  withPr?: boolean;
  /** A subtask the agent dispatches over MCP half way through. */
  dispatch?: { title: string; script: Step[] };
}

const PLAN_ITEMS = [
  'Reproduce the problem locally',
  'Find the root cause',
  'Implement the change',
  'Add or update tests',
  'Run the full test suite',
  'Open a pull request',
];

export const say = (rng: Rng, text: string): Step => ({ kind: 'say', chunks: chunk(rng, text) });
export const think = (rng: Rng, text = thought(rng)): Step => ({ kind: 'think', chunks: chunk(rng, text, 12) });

function plan(items: readonly string[], done: number): PlanEntry[] {
  return items.map((content, i) => ({
    content,
    priority: i < 2 ? 'high' : 'medium',
    status: i < done ? 'completed' : i === done ? 'in_progress' : 'pending',
  }));
}

function round(rng: Rng): Step[] {
  const steps: Step[] = [];
  if (rng.chance(0.6)) steps.push(think(rng));
  const calls = rng.int(1, 3);
  for (let i = 0; i < calls; i++) steps.push({ kind: 'tool', call: rng.pick([readCall, searchCall, editCall])(rng) });
  if (rng.chance(0.4)) steps.push({ kind: 'tool', call: runCall(rng) });
  steps.push(say(rng, answer(rng)));
  return steps;
}

/** A whole task: think, plan, a few rounds of work, then the chosen ending. */
export function taskScript(rng: Rng, options: TaskScriptOptions): Step[] {
  const items = rng.sample(PLAN_ITEMS, 4);
  const rounds = options.rounds ?? rng.int(2, 4);
  const steps: Step[] = [think(rng), { kind: 'plan', entries: plan(items, 0) }];
  for (let r = 0; r < rounds; r++) {
    steps.push(...round(rng));
    steps.push({ kind: 'plan', entries: plan(items, Math.min(r + 1, items.length - 1)) });
    if (options.dispatch && r === 0) {
      steps.push({ kind: 'tool', call: dispatchCall(rng, options.dispatch.title) });
      steps.push({ kind: 'dispatch', title: options.dispatch.title, script: options.dispatch.script });
    }
  }
  steps.push(...ending(rng, options, items));
  return steps;
}

function ending(rng: Rng, options: TaskScriptOptions, items: readonly string[]): Step[] {
  const branch = `sam/${slug(options.title)}`;
  const finish = (): Step[] => [
    { kind: 'plan', entries: plan(items, items.length) },
    say(rng, `All done. The work is on \`${branch}\`.\n\n${answer(rng)}`),
    {
      kind: 'complete',
      summary: `${options.title}: implemented and tested.`,
      branch,
      prUrl: options.withPr === false ? null : `https://github.com/acme/app/pull/${rng.int(100, 999)}`,
    },
  ];
  switch (options.ending) {
    case 'complete':
      return finish();
    case 'fail':
      return [
        { kind: 'tool', call: runCall(rng, true) },
        say(rng, 'The test run failed again; I am going to stop here.'),
        { kind: 'fail', error: options.error ?? rng.pick(ERRORS), sqlTimestamps: options.sqlTimestamps ?? false },
      ];
    case 'ask': {
      const q = rng.pick(QUESTIONS);
      return [say(rng, q.reason), { kind: 'ask', ...q }, ...round(rng), ...finish()];
    }
    case 'idle':
      return [say(rng, answer(rng)), { kind: 'idle' }];
    case 'sleep':
      return [say(rng, answer(rng)), { kind: 'idle' }, { kind: 'pause', ms: 20 * 60_000 }, { kind: 'sleep' }];
    case 'endless':
      return [{ kind: 'forever', make: (r) => streamingRound(r) }];
  }
}

/** One more stretch of endless work (the firehose and the busy agents of the default scenario). */
export function streamingRound(rng: Rng): Step[] {
  const steps: Step[] = [];
  if (rng.chance(0.5)) steps.push(think(rng));
  steps.push({ kind: 'tool', call: anyCall(rng) });
  steps.push(say(rng, answer(rng)));
  if (rng.chance(0.02)) steps.push({ kind: 'progress', title: 'Still working', body: 'The agent is making progress.' });
  return steps;
}

/** The answer to a follow-up prompt. */
export function replyScript(rng: Rng, prompt: string): Step[] {
  const steps: Step[] = [think(rng), say(rng, shortReply(rng, prompt))];
  if (rng.chance(0.7)) steps.push({ kind: 'tool', call: anyCall(rng) });
  steps.push(say(rng, answer(rng)));
  steps.push({ kind: 'idle' });
  return steps;
}
