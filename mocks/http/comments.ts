import type { World } from '../world/world';
import { requireProject } from './projects';
import { ApiFailure, badRequest, conflict, notFound, objectBody, ok, optionalString, type ApiRequest, type Route, type SimCore } from './router';

/*
 * SAM's message comments (apps/api/src/routes/chat-comments.ts, chat-comment-directives.ts; storage and
 * limits in durable-objects/project-data/comments.ts): threads anchored to a message of the session, with
 * replies, open -> sent (only by the per-thread directive, which also delivers a prompt) -> resolved, and
 * reopen back to open. Held per world, so a new world starts with none.
 */

const LIMITS = { bodyMax: 8_000, quoteMax: 2_000, clientMutationIdMax: 200, listDefault: 100, listMax: 500, threadsPerSession: 1_000, repliesPerThread: 200 };
const STATUSES = ['open', 'sent', 'resolved'] as const;
type Status = (typeof STATUSES)[number];

interface Actor {
  kind: 'human';
  id: string;
  name: string | null;
}

interface ReplyRec {
  id: string;
  threadId: string;
  sessionId: string;
  author: Actor;
  body: string;
  createdAt: number;
  sequence: number;
  clientMutationId: string | null;
  fingerprint: string | null;
}

interface ThreadRec {
  id: string;
  sessionId: string;
  messageId: string;
  quote: string | null;
  body: string;
  author: Actor;
  status: Status;
  createdAt: number;
  updatedAt: number;
  sequence: number;
  version: number;
  clientMutationId: string | null;
  fingerprint: string | null;
  sent: { at: number; by: Actor } | null;
  resolved: { at: number; by: Actor } | null;
  reopened: { at: number; by: Actor } | null;
  replies: ReplyRec[];
  /** clientMutationId -> target status of a status change (SAM's comment_status_mutations). */
  statusMutations: Map<string, Status>;
  directiveSent: boolean;
}

const threadsByWorld = new WeakMap<World, ThreadRec[]>();
function threadsOf(world: World): ThreadRec[] {
  let threads = threadsByWorld.get(world);
  if (!threads) threadsByWorld.set(world, (threads = []));
  return threads;
}

const unprocessable = (message: string) => new ApiFailure(422, 'UNPROCESSABLE_ENTITY', message);

function requireChat(core: SimCore, req: ApiRequest) {
  requireProject(core, req.params.projectId);
  const session = core.world.sessions.get(req.params.sessionId ?? '');
  if (!session || session.projectId !== req.params.projectId) throw notFound('Chat session not found');
  return session;
}

function requireThread(core: SimCore, req: ApiRequest): ThreadRec {
  const session = requireChat(core, req);
  const thread = threadsOf(core.world).find((t) => t.id === req.params.threadId && t.sessionId === session.id);
  if (!thread) throw notFound('Comment thread not found');
  return thread;
}

function actor(core: SimCore): Actor {
  const { me } = core.world;
  return { kind: 'human', id: me.id, name: me.name ?? me.email ?? null };
}

function body(value: unknown): string {
  if (typeof value !== 'string') throw badRequest('Invalid request body');
  const trimmed = value.trim();
  if (!trimmed) throw badRequest('body is required');
  if (trimmed.length > LIMITS.bodyMax) throw badRequest(`body must be ${LIMITS.bodyMax} characters or fewer`);
  return trimmed;
}

function nullableTrimmed(req: Record<string, unknown>, name: string, max: number): string | null {
  const trimmed = optionalString(req, name)?.trim();
  if (!trimmed) return null;
  if (trimmed.length > max) throw badRequest(`${name} must be ${max} characters or fewer`);
  return trimmed;
}

function positiveInt(query: URLSearchParams, name: string, min: number): number | null {
  const raw = query.get(name);
  if (!raw) return null;
  const parsed = Number.parseInt(raw, 10);
  if (!Number.isFinite(parsed) || parsed < min) throw badRequest(`${name} must be a ${min === 0 ? 'non-negative' : 'positive'} integer`);
  return parsed;
}

const actorWire = (a: Actor | null | undefined) => (a ? { kind: a.kind, id: a.id, name: a.name } : null);

function replyWire(r: ReplyRec) {
  return {
    id: r.id,
    threadId: r.threadId,
    sessionId: r.sessionId,
    author: actorWire(r.author),
    body: r.body,
    createdAt: r.createdAt,
    sequence: r.sequence,
    clientMutationId: r.clientMutationId,
  };
}

/** mapThread's shape: what the REST routes answer. */
function threadWire(t: ThreadRec) {
  return {
    id: t.id,
    sessionId: t.sessionId,
    anchor: { kind: 'message', messageId: t.messageId, quote: t.quote },
    author: actorWire(t.author),
    body: t.body,
    status: t.status,
    createdAt: t.createdAt,
    updatedAt: t.updatedAt,
    sequence: t.sequence,
    version: t.version,
    clientMutationId: t.clientMutationId,
    sentAt: t.sent?.at ?? null,
    sentBy: actorWire(t.sent?.by),
    resolvedAt: t.resolved?.at ?? null,
    resolvedBy: actorWire(t.resolved?.by),
    reopenedAt: t.reopened?.at ?? null,
    reopenedBy: actorWire(t.reopened?.by),
    replies: t.replies.map(replyWire),
  };
}

function setStatus(core: SimCore, thread: ThreadRec, status: Status, clientMutationId: string | null) {
  if (clientMutationId) {
    const earlier = thread.statusMutations.get(clientMutationId);
    if (earlier !== undefined) {
      if (earlier !== status) throw conflict('clientMutationId already belongs to a different comment mutation');
      return ok({ thread: threadWire(thread), idempotent: true });
    }
  }
  if (thread.status !== status) {
    const now = core.world.now();
    const by = { at: now, by: actor(core) };
    if (status === 'sent') thread.sent = by;
    else if (status === 'resolved') thread.resolved = by;
    else thread.reopened = by;
    thread.status = status;
    thread.updatedAt = now;
    thread.version += 1;
  }
  if (clientMutationId) thread.statusMutations.set(clientMutationId, status);
  return ok({ thread: threadWire(thread), idempotent: false });
}

/** SAM's buildDirectivePrompt: what `/send` delivers to the agent for one thread. */
function directivePrompt(thread: ThreadRec, override: string | undefined): string {
  const text = override?.trim() ? override.trim() : thread.body;
  return [
    'SAM comment directive',
    `Comment ID: ${thread.id}`,
    `Source message ID: ${thread.messageId}`,
    `Author: ${thread.author.name ?? `${thread.author.kind}:${thread.author.id}`}`,
    thread.quote ? `Quoted context:\n${thread.quote}` : null,
    `Feedback:\n${text}`,
  ]
    .filter((section): section is string => section !== null)
    .join('\n\n')
    .slice(0, 6_000);
}

/** The per-thread directive: delivers one prompt (once per thread) and marks the thread sent. */
function sendDirective(core: SimCore, req: ApiRequest) {
  requireChat(core, req);
  const thread = requireThread(core, req);
  if (thread.status === 'resolved') throw conflict('Resolved comment threads cannot be sent');
  const input = req.body === undefined ? {} : objectBody(req);
  const duplicate = thread.directiveSent;
  const deliveryId = `comment-directive-${thread.id}`;
  let messageId = deliveryId;
  if (!duplicate) {
    messageId = core.fleet.prompt(thread.sessionId, directivePrompt(thread, optionalString(input, 'body'))).message.id;
    thread.directiveSent = true;
  }
  setStatus(core, thread, 'sent', deliveryId);
  return { thread, duplicate, deliveryId, messageId };
}

const S = '/api/projects/:projectId/sessions/:sessionId/comments';

export const commentRoutes: Route[] = [
  {
    method: 'GET',
    path: S,
    handle(core, req) {
      const session = requireChat(core, req);
      const rawStatus = req.query.get('status')?.trim().toLowerCase();
      if (rawStatus && !(STATUSES as readonly string[]).includes(rawStatus)) throw badRequest('status must be open, sent, or resolved');
      const afterSequence = positiveInt(req.query, 'afterSequence', 0);
      const limit = Math.min(positiveInt(req.query, 'limit', 1) ?? LIMITS.listDefault, LIMITS.listMax);
      const messageId = req.query.get('messageId');
      if (messageId && !core.world.messages.all(session.id).some((m) => m.id === messageId)) throw notFound('Message not found');
      const matching = threadsOf(core.world)
        .filter((t) => t.sessionId === session.id)
        .filter((t) => !messageId || t.messageId === messageId)
        .filter((t) => !rawStatus || t.status === rawStatus)
        .filter((t) => afterSequence === null || t.sequence > afterSequence)
        .sort((a, b) => a.sequence - b.sequence);
      return ok({ threads: matching.slice(0, limit).map(threadWire), hasMore: matching.length > limit });
    },
  },
  {
    method: 'POST',
    path: S,
    handle(core, req) {
      const input = objectBody(req);
      const messageId = typeof input.messageId === 'string' ? input.messageId.trim() : '';
      if (!messageId) throw badRequest('Invalid request body');
      const text = body(input.body);
      const quote = nullableTrimmed(input, 'quote', LIMITS.quoteMax);
      const clientMutationId = nullableTrimmed(input, 'clientMutationId', LIMITS.clientMutationIdMax);
      const me = actor(core);
      const fingerprint = JSON.stringify(['thread', messageId, text, quote, me.kind, me.id]);
      const session = requireChat(core, req);
      if (!core.world.messages.all(session.id).some((m) => m.id === messageId)) throw notFound('Message not found');
      const threads = threadsOf(core.world);
      const mine = threads.filter((t) => t.sessionId === session.id);
      if (clientMutationId) {
        const existing = mine.find((t) => t.clientMutationId === clientMutationId);
        if (existing) {
          if (existing.fingerprint !== fingerprint) throw conflict('clientMutationId already belongs to a different comment mutation');
          return ok({ thread: threadWire(existing), idempotent: true });
        }
      }
      if (mine.length >= LIMITS.threadsPerSession) throw unprocessable(`session comment thread limit of ${LIMITS.threadsPerSession} reached`);
      const now = core.world.now();
      const thread: ThreadRec = {
        id: core.world.ids.uuid(),
        sessionId: session.id,
        messageId,
        quote,
        body: text,
        author: me,
        status: 'open',
        createdAt: now,
        updatedAt: now,
        sequence: mine.reduce((max, t) => Math.max(max, t.sequence), 0) + 1,
        version: 1,
        clientMutationId,
        fingerprint: clientMutationId ? fingerprint : null,
        sent: null,
        resolved: null,
        reopened: null,
        replies: [],
        statusMutations: new Map(),
        directiveSent: false,
      };
      threads.push(thread);
      return ok({ thread: threadWire(thread), idempotent: false }, 201);
    },
  },
  {
    method: 'POST',
    path: `${S}/:threadId/replies`,
    handle(core, req) {
      const input = objectBody(req);
      const text = body(input.body);
      const clientMutationId = nullableTrimmed(input, 'clientMutationId', LIMITS.clientMutationIdMax);
      const thread = requireThread(core, req);
      const me = actor(core);
      const fingerprint = JSON.stringify(['reply', thread.id, text, me.kind, me.id]);
      if (clientMutationId) {
        const existing = thread.replies.find((r) => r.clientMutationId === clientMutationId);
        if (existing) {
          if (existing.fingerprint !== fingerprint) throw conflict('clientMutationId already belongs to a different comment mutation');
          return ok({ thread: threadWire(thread), reply: replyWire(existing), idempotent: true });
        }
      }
      if (thread.replies.length >= LIMITS.repliesPerThread) throw unprocessable(`comment reply limit of ${LIMITS.repliesPerThread} reached`);
      const now = core.world.now();
      const reply: ReplyRec = {
        id: core.world.ids.uuid(),
        threadId: thread.id,
        sessionId: thread.sessionId,
        author: me,
        body: text,
        createdAt: now,
        sequence: thread.replies.reduce((max, r) => Math.max(max, r.sequence), 0) + 1,
        clientMutationId,
        fingerprint: clientMutationId ? fingerprint : null,
      };
      thread.replies.push(reply);
      thread.updatedAt = now;
      thread.version += 1;
      return ok({ thread: threadWire(thread), reply: replyWire(reply), idempotent: false }, 201);
    },
  },
  {
    method: 'POST',
    path: `${S}/:threadId/resolve`,
    handle(core, req) {
      const clientMutationId = nullableTrimmed(objectBody(req), 'clientMutationId', LIMITS.clientMutationIdMax);
      return setStatus(core, requireThread(core, req), 'resolved', clientMutationId);
    },
  },
  {
    method: 'POST',
    path: `${S}/:threadId/reopen`,
    handle(core, req) {
      const clientMutationId = nullableTrimmed(objectBody(req), 'clientMutationId', LIMITS.clientMutationIdMax);
      return setStatus(core, requireThread(core, req), 'open', clientMutationId);
    },
  },
  {
    method: 'POST',
    path: `${S}/:threadId/send`,
    handle(core, req) {
      const sent = sendDirective(core, req);
      return ok({ thread: threadWire(sent.thread), comment: threadWire(sent.thread), idempotent: sent.duplicate }, sent.duplicate ? 200 : 202);
    },
  },
  {
    method: 'POST',
    path: `${S}/:threadId/send-to-agent`,
    handle(core, req) {
      const sent = sendDirective(core, req);
      return ok(
        {
          accepted: true,
          status: sent.duplicate ? 'duplicate' : 'queued',
          duplicate: sent.duplicate,
          deliveryId: sent.deliveryId,
          messageId: sent.messageId,
          thread: { id: sent.thread.id, status: sent.thread.status, directive: null },
        },
        202,
      );
    },
  },
];
