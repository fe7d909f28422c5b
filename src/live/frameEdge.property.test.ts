import { QueryClient } from '@tanstack/query-core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ProjectEvent } from '../api/contract';
import { PROJECT_EVENT_TYPES, parseProjectFrame } from '../api/contract/projectFrames';
import { keys } from '../api/queries';
import { logToArray } from '../reconcile/messageLog';
import { T0 } from '../test/factories';
import { applyProjectEvents } from './apply';
import type { Stamped } from './cacheActions';
import { readFacts } from './normalisedCaches';
import { emptyChat, type ChatCache } from './chatCache';

/*
 * The frame edge under generated JSON: every frame type Lookout knows, with payloads whose fields are
 * mostly well typed (so many frames validate) and sometimes anything at all, plus the keys that used to
 * rewrite an event (`type`) and prototype names. SAM's quirks are in the values: epoch ms beside ISO and
 * zone-less SQL timestamps, open enums with unknown values, sequences that restart or are not integers.
 * Whatever arrives, parse + apply never throws, and a valid event in the same batch is always applied.
 */

const env = (globalThis as { process?: { env: Record<string, string | undefined> } }).process?.env ?? {};
const RUNS = Number(env.LOOKOUT_FUZZ_RUNS ?? 500);
const P = 'p1';
const VALID_SESSION = 'valid-session-7f3';

const id = fc.constantFrom('s1', 's2', 'm1', 'constructor', '__proto__', 'toString', '');
const time = fc.oneof(
  fc.integer({ min: T0 - 86_400_000, max: T0 + 86_400_000 }),
  fc.constantFrom('2026-11-21T12:00:00.000Z', '2026-11-21 12:00:01', '2026-11-21T12:00:02Z', 'not a date', ''),
  fc.constant(null),
);
const text = fc.oneof(fc.string({ maxLength: 20 }), fc.constant(null));
const anything = fc.jsonValue({ maxDepth: 2 });
/** A value of the field's own type most of the time, anything some of the time, absent some of the time. */
const field = <T>(typed: fc.Arbitrary<T>) =>
  fc.oneof({ weight: 8, arbitrary: typed }, { weight: 1, arbitrary: anything }, { weight: 2, arbitrary: fc.constant(undefined) });

const toolMetadata = fc.oneof(
  fc.constant(null),
  fc.record(
    {
      toolCallId: text,
      title: text,
      kind: text,
      status: fc.constantFrom('pending', 'in_progress', 'completed', 'failed', 'new_status'),
      locations: fc.array(fc.record({ path: fc.string(), line: fc.oneof(fc.nat(), fc.constant(null)) }), { maxLength: 2 }),
      content: fc.oneof(fc.array(anything, { maxLength: 2 }), fc.constant(null)),
      rawInput: anything,
      contentSize: fc.nat(),
    },
    { requiredKeys: [] },
  ),
);

const messageFields = {
  role: field(fc.constantFrom('user', 'assistant', 'system', 'tool', 'thinking', 'plan', 'a_new_role')),
  content: field(text),
  toolMetadata: field(toolMetadata),
  createdAt: field(time),
  sequence: field(fc.oneof(fc.nat({ max: 50 }), fc.constant(null), fc.constant(1.5), fc.constant(-1))),
  origin: field(text),
};

const payloadFields = {
  type: fc.oneof({ weight: 3, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.constantFrom(...PROJECT_EVENT_TYPES, 'pong', 'x') }),
  sessionId: field(id),
  messageId: field(id),
  id: field(id),
  ...messageFields,
  messages: field(fc.array(fc.record({ id: field(id), sessionId: field(id), ...messageFields }), { maxLength: 3 })),
  topic: field(text),
  taskId: field(id),
  workspaceId: field(id),
  createdByUserId: field(id),
  status: field(fc.constantFrom('active', 'sleeping', 'stopped', 'failed', 'a_new_status')),
  messageCount: field(fc.nat()),
  agentCompletedAt: field(time),
  activity: field(fc.constantFrom('idle', 'prompting', 'thinking', 'a_new_activity')),
  promptStartedAt: field(time),
  recoveryStatus: field(text),
  wakePhase: field(text),
  at: field(time),
  markerId: field(id),
  kind: field(text),
  expiresAt: field(time),
  reason: field(text),
  options: field(fc.oneof(fc.array(fc.string(), { maxLength: 2 }), fc.constant(null))),
  count: field(fc.oneof(fc.nat(), fc.constant(-1))),
  eventType: field(fc.constantFrom('task.completed', 'task.failed', 'mission.created', '')),
  failedTaskIds: field(fc.oneof(fc.array(id, { maxLength: 2 }), fc.constant(null))),
  deliveryState: field(fc.constantFrom('delivered', 'retry_wait', 'a_new_state')),
  message: field(text),
};

const payload = fc.record(payloadFields).map((record) => {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) if (value !== undefined) out[key] = value;
  return out;
});

const frameType = fc.constantFrom(...PROJECT_EVENT_TYPES, 'pong', 'message.ack', 'error', 'knowledge.updated');
/** Session events nest their fields under `payload`; control replies are flat. Both shapes for every type. */
const frame = fc.tuple(frameType, payload, fc.boolean()).map(([type, fields, flat]) => JSON.stringify(flat ? { ...fields, type } : { type, payload: fields }));

const validFrames = [
  JSON.stringify({
    type: 'message.new',
    payload: { sessionId: VALID_SESSION, messageId: 'valid-message', role: 'user', content: 'hello', createdAt: T0, sequence: null },
  }),
  JSON.stringify({ type: 'session.failed', payload: { sessionId: VALID_SESSION } }),
];

function batchOf(frames: readonly string[]): Stamped<ProjectEvent>[] {
  const events: Stamped<ProjectEvent>[] = [];
  for (const [index, raw] of frames.entries()) {
    const result = parseProjectFrame(raw);
    if (result.kind === 'event') events.push({ event: result.event, stamp: T0 + index + 1 });
  }
  return events;
}

describe('the frame edge under generated JSON', () => {
  it('parse + apply never throw, and the valid events of the batch are applied', () => {
    fc.assert(
      fc.property(fc.array(frame, { minLength: 1, maxLength: 8 }), fc.nat(8), fc.nat(8), (fuzz, at1, at2) => {
        const frames = [...fuzz];
        frames.splice(at1 % (frames.length + 1), 0, validFrames[0]!);
        frames.splice(at2 % (frames.length + 1), 0, validFrames[1]!);
        const client = new QueryClient();
        client.setQueryData(keys.chat(P, VALID_SESSION), emptyChat()); // the chat is open

        applyProjectEvents(client, P, batchOf(frames));

        expect(readFacts(client, P).records.get(VALID_SESSION)?.facts.status).toBe('failed');
        const chat = client.getQueryData<ChatCache>(keys.chat(P, VALID_SESSION));
        expect(logToArray(chat!.log).map((m) => m.id)).toContain('valid-message');
      }),
      { numRuns: RUNS },
    );
  }, 120_000);
});
