import type { ScenarioContext } from './scenarios/context';
import { buildDefault } from './scenarios/default';
import { buildFirehose } from './scenarios/firehose';
import { buildHostile } from './scenarios/hostile';
import { buildLongChat } from './scenarios/long-chat';
import { buildMachine } from './scenarios/machine';
import { buildRequeued } from './scenarios/requeued';
import { buildEmpty, buildSignedOut, buildStaleActive } from './scenarios/small';

export interface Scenario {
  name: string;
  description: string;
  build(ctx: ScenarioContext): void;
}

const list: Scenario[] = [
  {
    name: 'default',
    description: '3 projects; ~13 sessions in mixed states (streaming, needs input, failed, retry, fork, subtask, sleeping) and ~15 notifications.',
    build: buildDefault,
  },
  { name: 'empty', description: 'One project, no sessions, no notifications.', build: buildEmpty },
  { name: 'long-chat', description: 'One session with 30,000 messages (tool calls, thinking, plans).', build: buildLongChat },
  {
    name: 'stale-active',
    description: 'Session rows stay `active` after their task failed (one already, one soon).',
    build: buildStaleActive,
  },
  {
    name: 'hostile',
    description: 'Script tags, onerror images, javascript:/data: links, a phishing actionUrl, unknown enum values.',
    build: buildHostile,
  },
  {
    name: 'requeued',
    description: 'Failed tasks SAM sends back to work in place while their rows still say `failed` (one now, one 20 s in); the sessions list lags 5 s.',
    build: buildRequeued,
  },
  { name: 'firehose', description: '50 sessions streaming at once.', build: buildFirehose },
  {
    name: 'machine',
    description:
      'The machine behind the chats: a chat woken 5 s in (phases, boot log), a recovery container, a prompt retried after overloads, an idle cleanup countdown.',
    build: buildMachine,
  },
  { name: 'signed-out', description: 'Every request answers 401 UNAUTHORIZED.', build: buildSignedOut },
];

export const SCENARIOS: Readonly<Record<string, Scenario>> = Object.fromEntries(list.map((s) => [s.name, s]));
export const SCENARIO_NAMES: readonly string[] = list.map((s) => s.name);

export function getScenario(name: string): Scenario {
  const scenario = SCENARIOS[name];
  if (!scenario) throw new Error(`Unknown scenario "${name}". Known: ${SCENARIO_NAMES.join(', ')}`);
  return scenario;
}
