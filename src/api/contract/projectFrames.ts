import * as v from 'valibot';
import { AttentionSchema, SessionStatusSchema, messageEntries, type Message } from './rest';
import { count, maybe, maybeTimestamp, openEnum } from './primitives';
import { AGENT_ACTIVITIES, DELIVERY_STATES } from './enums';
import { cutLongContent } from './cut';
import { AckSchema, ErrorFrameSchema, decode, describeIssues, type FrameResult } from './frames';

/*
 * The project stream's frames (session events as `{ type, payload }`, flat control replies). A file of
 * its own, imported by path (the contract's index re-exports its types only), so that its schemas load
 * with the project view and not with the first screen.
 */

const sessionId = v.string();

const projectFramePayloads = {
  'message.new': v.pipe(v.looseObject({ sessionId, messageId: v.string(), ...messageEntries }), v.transform(cutLongContent)),
  'messages.batch': v.looseObject({
    sessionId,
    messages: v.array(v.pipe(v.looseObject({ id: v.string(), ...messageEntries }), v.transform(cutLongContent))),
    count: v.optional(v.number()),
  }),
  'session.updated': v.looseObject({
    sessionId,
    topic: v.optional(maybe(v.string())),
    taskId: v.optional(maybe(v.string())),
    workspaceId: v.optional(maybe(v.string())),
    status: v.optional(SessionStatusSchema),
  }),
  'session.stopped': v.looseObject({ sessionId }),
  'session.failed': v.looseObject({ sessionId }),
  'session.agent_completed': v.looseObject({ sessionId, agentCompletedAt: maybeTimestamp }),
  'session.activity': v.looseObject({
    sessionId,
    activity: openEnum(AGENT_ACTIVITIES),
    promptStartedAt: maybeTimestamp,
  }),
  'session.wake_progress': v.looseObject({
    sessionId,
    recoveryStatus: maybe(v.string()),
    wakePhase: maybe(v.string()),
    at: maybeTimestamp,
  }),
  'attention.created': v.looseObject({ sessionId, ...AttentionSchema.entries }),
  'attention.resolved': v.looseObject({
    sessionId,
    count: v.optional(count),
    reason: maybe(v.string()),
    markerId: maybe(v.string()),
  }),
  'session.created': v.looseObject({
    id: v.string(),
    workspaceId: maybe(v.string()),
    taskId: maybe(v.string()),
    createdByUserId: maybe(v.string()),
    topic: maybe(v.string()),
    status: v.nullish(SessionStatusSchema, 'active'),
    messageCount: v.nullish(count, 0),
    createdAt: maybeTimestamp,
  }),
  'activity.new': v.looseObject({ eventType: v.string(), id: maybe(v.string()) }),
  'workspace.idle_timeout': v.looseObject({
    workspaceId: maybe(v.string()),
    sessionId: maybe(v.string()),
    taskId: maybe(v.string()),
    failedTaskIds: v.nullish(v.array(v.string()), []),
  }),
  /** A queued prompt moved in SAM's mailbox. `messageId` is the prompt route's `deliveryId`, not the chat row's id. */
  'mailbox.delivery_updated': v.looseObject({ messageId: v.string(), deliveryState: openEnum(DELIVERY_STATES) }),
} as const;

type ProjectFramePayloads = typeof projectFramePayloads;
export type ProjectEventType = keyof ProjectFramePayloads;
/** Every session-event type Lookout reads from the project stream. */
export const PROJECT_EVENT_TYPES = Object.keys(projectFramePayloads) as ProjectEventType[];

/**
 * A validated project-stream event. `message.new` and `messages.batch` are normalised to full
 * `Message` rows so that every later stage handles one message shape.
 */
export type ProjectEvent =
  | { type: 'message.new'; sessionId: string; message: Message }
  | { type: 'messages.batch'; sessionId: string; messages: Message[] }
  | {
      [K in Exclude<ProjectEventType, 'message.new' | 'messages.batch'>]: {
        type: K;
      } & v.InferOutput<ProjectFramePayloads[K]>;
    }[Exclude<ProjectEventType, 'message.new' | 'messages.batch'>]
  | { type: 'pong' }
  | { type: 'message.ack'; messageId: string; sessionId: string | null }
  | { type: 'error'; message: string };

function isProjectEventType(type: string): type is ProjectEventType {
  return Object.hasOwn(projectFramePayloads, type);
}

export function parseProjectFrame(raw: unknown): FrameResult<ProjectEvent> {
  const decoded = decode(raw);
  if (!decoded.ok) return { kind: 'invalid', reason: decoded.reason };
  const { type, payload } = decoded.frame;
  // Control replies are flat: their fields sit beside `type`.
  if (type === 'pong') return { kind: 'event', event: { type } };
  if (type === 'message.ack' || type === 'error') {
    const schema = type === 'message.ack' ? AckSchema : ErrorFrameSchema;
    const flat = v.safeParse(schema, decoded.frame);
    if (!flat.success) return { kind: 'invalid', reason: `${type}: ${describeIssues(flat.issues)}` };
    return { kind: 'event', event: { type, ...flat.output } as ProjectEvent };
  }
  if (!isProjectEventType(type)) return { kind: 'ignored', frameType: type };
  const parsed = v.safeParse(projectFramePayloads[type], payload);
  if (!parsed.success) return { kind: 'invalid', reason: `${type}: payload.${describeIssues(parsed.issues)}` };
  return { kind: 'event', event: normaliseProjectEvent(type, parsed.output) };
}

function normaliseProjectEvent(type: ProjectEventType, payload: unknown): ProjectEvent {
  if (type === 'message.new') {
    const { messageId, ...rest } = payload as v.InferOutput<ProjectFramePayloads['message.new']>;
    return { type, sessionId: rest.sessionId, message: { ...rest, id: messageId } };
  }
  if (type === 'messages.batch') {
    const batch = payload as v.InferOutput<ProjectFramePayloads['messages.batch']>;
    const messages = batch.messages.map((m) => ({ ...m, sessionId: batch.sessionId }));
    return { type, sessionId: batch.sessionId, messages };
  }
  // The type is the frame's: a payload key `type` must not turn the event into another one.
  return { ...(payload as object), type } as ProjectEvent;
}
