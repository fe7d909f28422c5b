import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import {
  NotificationListSchema,
  SessionDetailSchema,
  SessionListSchema,
  TaskListSchema,
  ProjectListSchema,
  describeIssues,
  parseNotificationFrame,
  MAX_FRAME_CHARS,
  MessageSchema,
} from '.';
import { parseProjectFrame } from './projectFrames';

// Payloads shaped as SAM sends them (sam-contract.md), including its mixed timestamp forms.
const task = {
  id: '01JDZ8Y6G7K2M3N4P5Q6R7S8T9',
  projectId: 'proj-1',
  userId: 'user-1',
  parentTaskId: null,
  workspaceId: 'ws-1',
  title: 'Fix the flaky login test',
  description: null,
  status: 'failed',
  executionStep: 'running',
  priority: 0,
  taskMode: 'conversation',
  dispatchDepth: 0,
  agentProfileHint: null,
  skillId: null,
  blocked: false,
  triggeredBy: 'user',
  startedAt: '2026-11-21T09:00:00.000Z',
  completedAt: '2026-11-21 09:30:00',
  finalizedAt: null,
  createdAt: '2026-11-21T08:59:00.000Z',
  updatedAt: '2026-11-21 09:30:00',
  errorMessage: 'Agent exited with code 1',
  outputSummary: null,
  outputBranch: 'sam/fix-login',
  outputPrUrl: null,
  completionEvidence: null,
};

const sessionRow = {
  id: '6f1c2f9e-0000-4000-8000-000000000001',
  workspaceId: 'ws-1',
  taskId: task.id,
  createdByUserId: 'user-1',
  topic: 'Fix the flaky login test',
  status: 'active',
  messageCount: 42,
  startedAt: 1795251540000,
  endedAt: null,
  createdAt: null,
  agentCompletedAt: null,
  lastMessageAt: 1795253400000,
  isIdle: false,
  isTerminated: false,
  workspaceUrl: 'https://ws-1.example',
  cleanupAt: null,
  attention: { markerId: 'm1', kind: 'question', createdAt: 1795253400000, expiresAt: null, reason: 'Which DB?', options: ['Postgres', 'SQLite'] },
  createdBy: { id: 'user-1', name: 'Ada' },
  isMine: true,
};

describe('REST payloads', () => {
  it('parses a tasks page and normalises both timestamp forms to epoch ms', () => {
    const page = v.parse(TaskListSchema, { tasks: [task], nextCursor: task.id });
    expect(page.tasks[0]?.updatedAt).toBe(Date.UTC(2026, 10, 21, 9, 30));
    expect(page.tasks[0]?.startedAt).toBe(Date.UTC(2026, 10, 21, 9));
  });

  it('keeps an unknown task status instead of rejecting the page', () => {
    const page = v.parse(TaskListSchema, { tasks: [{ ...task, status: 'paused_by_policy' }], nextCursor: null });
    expect(page.tasks[0]?.status).toBe('paused_by_policy');
  });

  it('parses a sessions page with an attention marker and null createdAt', () => {
    const page = v.parse(SessionListSchema, { sessions: [sessionRow], total: 1, hasMore: false });
    expect(page.sessions[0]?.attention?.options).toEqual(['Postgres', 'SQLite']);
    expect(page.sessions[0]?.createdAt).toBeNull();
  });

  it('parses a session detail with its embedded task, state and every message role', () => {
    const roles = ['user', 'assistant', 'system', 'tool', 'thinking', 'plan', 'narrator'];
    const detail = v.parse(SessionDetailSchema, {
      session: {
        ...sessionRow,
        agentSessionId: 'a1',
        agentType: 'claude-code',
        task: {
          id: task.id,
          status: 'failed',
          executionStep: null,
          errorMessage: 'boom',
          outputBranch: null,
          outputPrUrl: null,
          outputSummary: null,
          finalizedAt: null,
          taskMode: 'task',
          agentProfileHint: null,
        },
      },
      messages: roles.map((role, i) => ({
        id: `m${i}`,
        sessionId: sessionRow.id,
        role,
        content: role === 'plan' ? '[{"content":"Write test","priority":"high","status":"pending"}]' : 'hello',
        toolMetadata:
          role === 'tool'
            ? {
                toolCallId: 't1',
                title: 'Read file',
                kind: 'read',
                status: 'completed',
                toolName: 'Read',
                locations: [{ path: 'src/a.ts', line: 3 }],
                content: [],
              }
            : null,
        createdAt: 1795253400000 + i,
        sequence: i === 0 ? null : i,
        origin: role === 'system' ? 'system' : null,
      })),
      hasMore: true,
      state: { activity: 'prompting', activityAt: 1795253400000, statusError: null, currentPlan: [], promptStartedAt: null, lastStopReason: null },
    });
    expect(detail.session.task?.status).toBe('failed');
    expect(detail.messages.map((m) => m.role)).toEqual(roles);
    expect(detail.messages[3]?.toolMetadata?.locations[0]).toEqual({ path: 'src/a.ts', line: 3 });
  });

  it('parses notifications and projects', () => {
    const list = v.parse(NotificationListSchema, {
      notifications: [
        {
          id: 'n1',
          projectId: 'proj-1',
          taskId: null,
          sessionId: 's1',
          type: 'needs_input',
          urgency: 'high',
          title: 'Agent needs input',
          body: 'Which DB?',
          actionUrl: '/projects/proj-1/chat/s1',
          metadata: { projectName: 'Web', category: 'decision', options: ['a', 'b'], attentionMarkerId: 'm1' },
          readAt: null,
          dismissedAt: null,
          createdAt: '2026-11-21T10:00:00.000Z',
        },
      ],
      unreadCount: 1,
      nextCursor: 1795255200000,
    });
    expect(list.notifications[0]?.createdAt).toBe(1795255200000);
    const projects = v.parse(ProjectListSchema, {
      projects: [
        {
          id: 'p',
          name: 'Web',
          repository: 'acme/web',
          githubRepoId: 1,
          defaultBranch: 'main',
          repoProvider: 'github',
          status: 'active',
          activeWorkspaceCount: 1,
          activeSessionCount: 2,
          lastActivityAt: '2026-11-21T10:00:00Z',
          createdAt: '2026-01-01T00:00:00Z',
          taskCountsByStatus: { failed: 1 },
          linkedWorkspaces: [],
        },
      ],
      nextCursor: null,
    });
    expect(projects.projects[0]?.taskCountsByStatus).toEqual({ failed: 1 });
  });

  it('says where a malformed payload is wrong', () => {
    const result = v.safeParse(TaskListSchema, { tasks: [task, { ...task, updatedAt: 'yesterday' }] });
    expect(result.success).toBe(false);
    if (!result.success) expect(describeIssues(result.issues)).toMatch(/^tasks\.1\.updatedAt: not a timestamp/);
  });
});

describe('project stream frames', () => {
  const frame = (type: string, payload: unknown) => JSON.stringify({ type, payload });

  it('normalises message.new to a full message row', () => {
    const result = parseProjectFrame(
      frame('message.new', { sessionId: 's1', messageId: 'm9', role: 'assistant', content: 'Hi', toolMetadata: null, createdAt: 5, sequence: 9, origin: null }),
    );
    expect(result).toEqual({
      kind: 'event',
      event: {
        type: 'message.new',
        sessionId: 's1',
        message: { id: 'm9', sessionId: 's1', role: 'assistant', content: 'Hi', toolMetadata: null, createdAt: 5, sequence: 9, origin: null },
      },
    });
  });

  it('gives every message of a batch its session id', () => {
    const result = parseProjectFrame(
      frame('messages.batch', {
        sessionId: 's1',
        count: 1,
        messages: [{ id: 'm1', role: 'thinking', content: '…', toolMetadata: null, createdAt: 1, sequence: 1, origin: null }],
      }),
    );
    expect(result.kind === 'event' && result.event.type === 'messages.batch' && result.event.messages[0]?.sessionId).toBe('s1');
  });

  it('reads session.created, whose id is `id`, not `sessionId`', () => {
    const result = parseProjectFrame(
      frame('session.created', {
        id: 's2',
        workspaceId: null,
        taskId: 't2',
        createdByUserId: 'u',
        topic: 'New',
        status: 'active',
        messageCount: 0,
        createdAt: 10,
      }),
    );
    expect(result.kind).toBe('event');
  });

  it('reads flat control frames', () => {
    expect(parseProjectFrame('{"type":"pong"}')).toEqual({ kind: 'event', event: { type: 'pong' } });
    expect(parseProjectFrame('{"type":"message.ack","messageId":"m1","sessionId":"s1"}')).toEqual({
      kind: 'event',
      event: { type: 'message.ack', messageId: 'm1', sessionId: 's1' },
    });
  });

  it('reads mailbox.delivery_updated as SAM sends it (no sessionId; messageId is the deliveryId), any state', () => {
    for (const deliveryState of ['retry_wait', 'acked', 'a_state_not_known_yet']) {
      expect(parseProjectFrame(frame('mailbox.delivery_updated', { messageId: 'd1', deliveryState }))).toEqual({
        kind: 'event',
        event: { type: 'mailbox.delivery_updated', messageId: 'd1', deliveryState },
      });
    }
  });

  it('reads a compacted tool row: content left out, contentSize given', () => {
    const row = MessageSchema.entries.toolMetadata;
    const parsed = v.parse(row, { toolCallId: 'c1', status: 'completed', contentSize: 2048 });
    expect(parsed).toMatchObject({ content: [], contentSize: 2048 });
  });

  it('ignores well-formed frames of types it does not use', () => {
    expect(parseProjectFrame(frame('knowledge.updated', { id: 'k' }))).toEqual({ kind: 'ignored', frameType: 'knowledge.updated' });
  });

  it.each([
    ['not JSON', '{"type":', /not JSON/],
    ['no type', '{"payload":{}}', /no frame type/],
    ['a bad payload, with its path', frame('session.activity', { sessionId: 's1', activity: 7 }), /^session\.activity: payload\.activity/],
    ['a binary frame', new ArrayBuffer(4), /binary/],
    ['an oversized frame', frame('message.new', { content: 'x'.repeat(MAX_FRAME_CHARS) }), /oversized/],
  ])('drops %s with a reason', (_, raw, reason) => {
    const result = parseProjectFrame(raw);
    expect(result.kind).toBe('invalid');
    if (result.kind === 'invalid') expect(result.reason).toMatch(reason);
  });
});

describe('notification frames', () => {
  it('reads flat notification frames', () => {
    expect(parseNotificationFrame('{"type":"notification.read","notificationId":"n1"}')).toEqual({
      kind: 'event',
      event: { type: 'notification.read', notificationId: 'n1' },
    });
    expect(parseNotificationFrame('{"type":"notification.all_read"}')).toEqual({ kind: 'event', event: { type: 'notification.all_read' } });
  });

  it('drops a notification.new whose notification is malformed', () => {
    const result = parseNotificationFrame('{"type":"notification.new","notification":{"id":"n1"}}');
    expect(result.kind).toBe('invalid');
  });
});
