import * as v from 'valibot';
import { count, maybe, maybeTimestamp, openEnum, timestamp } from './primitives';
import { NOTIFICATION_TYPES } from './enums';

/*
 * Web Push and notification preferences, as SAM b672af2 serves them (apps/api/src/routes/notifications.ts,
 * apps/api/src/index.ts for the key, packages/shared/src/types/notification.ts for the shapes, and
 * apps/api/src/durable-objects/notification-push.ts for what a push carries). Imported by path, not through
 * ./index: only the lazy alert settings and the service worker read them, so they stay off the first screen.
 */

/** `GET /api/config/vapid-public-key`: SAM's runtime VAPID key (raw base64url P-256 point), null when push is not set up. */
export const VapidKeySchema = v.looseObject({ publicKey: maybe(v.string()) });
export type VapidKey = v.InferOutput<typeof VapidKeySchema>;

/** The body of `POST /api/notifications/push/subscriptions`: `PushSubscription.toJSON()` (https endpoint, base64url keys). */
export interface PushSubscriptionInput {
  endpoint: string;
  expirationTime?: number | null;
  keys: { p256dh: string; auth: string };
}

/** One device as SAM stores it (201 on POST, rows of GET). SAM disables a device after repeated failed deliveries. */
export const PushDeviceSchema = v.looseObject({
  endpoint: v.string(),
  userAgent: maybe(v.string()),
  disabledAt: maybeTimestamp,
  failureCount: v.nullish(count, 0),
  lastSuccessAt: maybeTimestamp,
  createdAt: timestamp,
  updatedAt: timestamp,
});
export type PushDevice = v.InferOutput<typeof PushDeviceSchema>;

export const PushDeviceListSchema = v.looseObject({ subscriptions: v.array(PushDeviceSchema) });

/** `DELETE /api/notifications/push/subscriptions {endpoint}` -> whether SAM held that endpoint. */
export const PushRemovedSchema = v.looseObject({ success: v.nullish(v.boolean(), true), removed: v.nullish(v.boolean(), false) });

export const NOTIFICATION_CHANNELS = ['in_app', 'web_push'] as const;

/**
 * One stored preference. SAM keeps rows only for what was set: a type with no row is enabled (the check falls
 * back from project, to the type, to the `'*'` row, to on). `projectId` null is "every project".
 */
export const NotificationPreferenceSchema = v.looseObject({
  notificationType: openEnum([...NOTIFICATION_TYPES, '*']),
  projectId: maybe(v.string()),
  channel: openEnum(NOTIFICATION_CHANNELS),
  enabled: v.boolean(),
});
export type NotificationPreference = v.InferOutput<typeof NotificationPreferenceSchema>;

export const NotificationPreferencesSchema = v.looseObject({ preferences: v.array(NotificationPreferenceSchema) });

/** The body of `PUT /api/notifications/preferences` (SAM answers `{ success: true }`). */
export interface PreferenceUpdate {
  notificationType: string;
  projectId?: string | null;
  channel: string;
  enabled: boolean;
}

/**
 * What SAM's push carries (`buildDeclarativeWebPushPayload`): a Declarative Web Push message. `navigate` is an
 * absolute URL on SAM's app origin (`https://app.<domain>/projects/<p>/chat/<s>`), never Lookout's. A question
 * (needs_input with a marker and options) has one action per option (at most SAM's limit), each naming its
 * answer in the navigate URL's fragment: `#attentionMarker=<id>&attentionAnswer=<option>`.
 */
export const PushActionSchema = v.looseObject({ action: v.string(), title: v.string(), navigate: v.string() });
// `web_push` is 8030 and the title is not empty (checked by the reader, pushMessages.ts: `v.literal` and
// `v.minLength` are used nowhere else, and valibot's one module sits in the first screen's chunk).
export const PushPayloadSchema = v.looseObject({
  web_push: v.number(),
  notification: v.looseObject({
    title: v.string(),
    body: v.nullish(v.string(), ''),
    navigate: v.nullish(v.string(), ''),
    app_badge: v.nullish(v.string(), null),
    actions: v.nullish(v.array(PushActionSchema), []),
  }),
});
export type PushPayload = v.InferOutput<typeof PushPayloadSchema>;

/** `POST …/attention/:markerId/resolve {answer}`: 200 resolved (or already, with the same answer), 202 while SAM is delivering it. */
export const ResolveAnswerSchema = v.looseObject({
  resolved: v.nullish(v.boolean(), false),
  alreadyResolved: v.nullish(v.boolean(), false),
  inFlight: v.nullish(v.boolean(), false),
  answer: v.nullish(v.string(), null),
});
export type ResolveAnswer = v.InferOutput<typeof ResolveAnswerSchema>;
