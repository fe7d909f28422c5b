import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import {
  ErrorBodySchema,
  MessagePageSchema,
  NotificationListSchema,
  ProjectDetailSchema,
  ProjectListSchema,
  PromptAcceptedSchema,
  SessionDetailSchema,
  SessionListSchema,
  TaskListSchema,
  TaskSchema,
  UnreadCountSchema,
  UserSchema,
  describeIssues,
  parseNotificationFrame,
} from '.';
import { parseProjectFrame } from './projectFrames';

/*
 * Payloads captured from SAM's own API (b672af2, run offline by scripts/sam/server.mjs; recorded by
 * scripts/sam/capture-fixtures.mjs). They are SAM's facts: each must parse through Lookout's schemas,
 * and the quirks the contract's Corrections describe must be visible in them.
 */

interface Captured {
  request: string;
  status: number;
  body: unknown;
}

const captured = import.meta.glob<Captured>('./fixtures/sam-b672af2/rest.*.json', { eager: true, import: 'default' });
const frames = import.meta.glob<unknown[]>('./fixtures/sam-b672af2/ws.*.json', { eager: true, import: 'default' });
const rest = (name: string): Captured => {
  const found = captured[`./fixtures/sam-b672af2/rest.${name}.json`];
  if (!found) throw new Error(`no captured rest.${name}.json`);
  return found;
};

const schemas: Record<string, v.GenericSchema> = {
  'auth-me': UserSchema,
  'projects-list': ProjectListSchema,
  'project-detail': ProjectDetailSchema,
  'tasks-list': TaskListSchema,
  'task-failed': TaskSchema,
  'task-completed': TaskSchema,
  'task-failed-by-callback': TaskSchema,
  'sessions-list': SessionListSchema,
  'session-detail-compact': SessionDetailSchema,
  'session-detail-full': SessionDetailSchema,
  'session-detail-failed': SessionDetailSchema,
  'messages-asc': MessagePageSchema,
  'messages-after-newest': MessagePageSchema,
  notifications: NotificationListSchema,
  'notifications-unread-count': UnreadCountSchema,
  'prompt-queued': PromptAcceptedSchema,
  'cancel-without-agent': ErrorBodySchema,
};

describe('REST bodies captured from SAM parse through the contract', () => {
  for (const [name, schema] of Object.entries(schemas)) {
    it(`${name} (${rest(name).request} -> ${rest(name).status})`, () => {
      const result = v.safeParse(schema, rest(name).body);
      expect(result.success ? 'ok' : describeIssues(result.issues)).toBe('ok');
    });
  }
});

describe('frames captured from SAM parse at the socket edge', () => {
  const project = frames['./fixtures/sam-b672af2/ws.project-frames.json'] ?? [];
  const inbox = frames['./fixtures/sam-b672af2/ws.notification-frames.json'] ?? [];

  it('no project frame is invalid; agent output came as messages.batch, the prompt as message.new', () => {
    const results = project.map((frame) => parseProjectFrame(JSON.stringify(frame)));
    expect(results.filter((r) => r.kind === 'invalid')).toEqual([]);
    const types = project.map((frame) => (frame as { type: string }).type);
    expect(types).toContain('messages.batch');
    expect(types).toContain('message.new');
    expect(types).toContain('session.failed');
    expect(types).toContain('mailbox.delivery_updated');
  });

  it('no notification frame is invalid', () => {
    expect(inbox.map((frame) => parseNotificationFrame(JSON.stringify(frame))).filter((r) => r.kind === 'invalid')).toEqual([]);
  });
});

describe("SAM's quirks, as captured (sam-contract.md, Corrections)", () => {
  it('8: the projects list carries no counts; the project detail does', () => {
    const list = rest('projects-list').body as { projects: { taskCountsByStatus: object; linkedWorkspaces: number }[] };
    for (const project of list.projects) {
      expect(project.taskCountsByStatus).toEqual({});
      expect(project.linkedWorkspaces).toBe(0);
    }
    const detail = rest('project-detail').body as { summary: { taskCountsByStatus: Record<string, number> } };
    expect(Object.values(detail.summary.taskCountsByStatus).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
  });

  it('10: a prompt with no agent attached is accepted and queued; cancel answers 500', () => {
    expect(rest('prompt-queued')).toMatchObject({ status: 202, body: { accepted: true, status: 'queued' } });
    expect(rest('cancel-without-agent')).toMatchObject({ status: 500, body: { error: 'INTERNAL_ERROR' } });
  });

  it('11: sessions and messages carry epoch ms; projects, notifications and tasks ISO strings', () => {
    const sessions = rest('sessions-list').body as { sessions: { createdAt: unknown }[] };
    expect(typeof sessions.sessions[0]!.createdAt).toBe('number');
    const tasks = rest('tasks-list').body as { tasks: { updatedAt: unknown }[] };
    expect(typeof tasks.tasks[0]!.updatedAt).toBe('string');
  });
});
