import * as v from 'valibot';
import { NotificationSchema } from './rest';
import { count, maybe } from './primitives';

/*
 * WebSocket frames of the SAM contract. Session events come as `{ type, payload }`; control replies and
 * every notification frame are flat. `parse*Frame` validates one raw frame at the socket's edge and
 * returns a normalised event (a tagged union) or says why the frame was not used. It never throws.
 */

/** Frames larger than this are dropped unread: SAM's biggest message is 100 KiB of text. */
export const MAX_FRAME_CHARS = 4 * 1024 * 1024;

export type FrameResult<E> =
  | { kind: 'event'; event: E }
  /** A well-formed frame of a type Lookout does not use (knowledge.*, mission.*, a future event). */
  | { kind: 'ignored'; frameType: string }
  /** Not JSON, not a frame, a known type with a bad payload, or too large. */
  | { kind: 'invalid'; reason: string };

const Envelope = v.looseObject({ type: v.string(), payload: v.optional(v.unknown()) });
export const AckSchema = v.looseObject({ messageId: v.string(), sessionId: maybe(v.string()) });
export const ErrorFrameSchema = v.looseObject({ message: v.nullish(v.string(), 'unknown error') });

export function decode(raw: unknown): { ok: true; frame: v.InferOutput<typeof Envelope> } | { ok: false; reason: string } {
  if (typeof raw !== 'string') return { ok: false, reason: 'binary frame' };
  if (raw.length > MAX_FRAME_CHARS) return { ok: false, reason: `oversized frame (${raw.length} chars)` };
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return { ok: false, reason: 'not JSON' };
  }
  const envelope = v.safeParse(Envelope, json);
  if (!envelope.success) return { ok: false, reason: 'no frame type' };
  return { ok: true, frame: envelope.output };
}

export function describeIssues(issues: readonly v.BaseIssue<unknown>[]): string {
  const first = issues[0];
  if (!first) return 'invalid';
  const path = v.getDotPath(first);
  return path ? `${path}: ${first.message}` : first.message;
}

// ---------- notification stream ----------
const notificationFrames = {
  'notification.new': v.looseObject({ notification: NotificationSchema }),
  'notification.updated': v.looseObject({ notification: NotificationSchema }),
  'notification.read': v.looseObject({ notificationId: v.string() }),
  'notification.dismissed': v.looseObject({ notificationId: v.string() }),
  'notification.all_read': v.looseObject({}),
  'notification.unread_count': v.looseObject({ count }),
  pong: v.looseObject({}),
} as const;
type NotificationFrames = typeof notificationFrames;
export type NotificationEventType = keyof NotificationFrames;

export type NotificationEvent = {
  [K in NotificationEventType]: { type: K } & v.InferOutput<NotificationFrames[K]>;
}[NotificationEventType];

export function parseNotificationFrame(raw: unknown): FrameResult<NotificationEvent> {
  const decoded = decode(raw);
  if (!decoded.ok) return { kind: 'invalid', reason: decoded.reason };
  const { type } = decoded.frame;
  if (!Object.hasOwn(notificationFrames, type)) return { kind: 'ignored', frameType: type };
  const parsed = v.safeParse(notificationFrames[type as NotificationEventType], decoded.frame);
  if (!parsed.success) return { kind: 'invalid', reason: `${type}: ${describeIssues(parsed.issues)}` };
  return { kind: 'event', event: { ...parsed.output, type } as NotificationEvent };
}
