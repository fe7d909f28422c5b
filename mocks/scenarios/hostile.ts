import type { ScenarioContext } from './context';
import { say, think } from '../fleet/scripts';
import type { Step, ToolCallSpec } from '../fleet/steps';

const MIN = 60_000;

/** Strings a renderer must show as text (or sanitised markdown), never execute or follow. */
export const HOSTILE = {
  script: '<script>alert("xss-script")</script>',
  img: '<img src=x onerror=alert("xss-img")>',
  svg: '<svg onload=alert("xss-svg")></svg>',
  iframe: '<iframe src="https://evil.example/frame"></iframe>',
  jsLink: '[click for details](javascript:alert("xss-link"))',
  jsLinkUpper: '[docs](JaVaScRiPt:alert("xss-case"))',
  dataLink: '[open report](data:text/html;base64,PHNjcmlwdD5hbGVydCgieHNzLWRhdGEiKTwvc2NyaXB0Pg==)',
  jsImage: '![chart](javascript:alert("xss-image"))',
  rawAnchor: '<a href="javascript:alert(\'xss-anchor\')">raw anchor</a>',
  phishUrl: 'https://evil.example/phish',
  longToken: 'A'.repeat(5000),
} as const;

const hostileTool: ToolCallSpec = {
  toolName: 'Bash<script>alert("tool")</script>',
  title: `Run ${HOSTILE.img}`,
  kind: 'teleport',
  locations: [{ path: `../../etc/passwd${HOSTILE.script}`, line: 1 }],
  rawInput: { command: `echo '${HOSTILE.script}'` },
  rawOutput: { stdout: `${HOSTILE.script}\n${HOSTILE.img}\n${HOSTILE.svg}`, exitCode: 0 },
  content: [{ type: 'content', content: { type: 'text', text: `${HOSTILE.iframe}\n${HOSTILE.rawAnchor}` } }],
  output: `${HOSTILE.script} ${HOSTILE.img}`,
  outcome: 'completed',
  durationMs: 800,
};

/** Markup, script and link injection everywhere text comes from the wire, plus unknown enum values. */
export function buildHostile(ctx: ScenarioContext): void {
  const { world, fleet, rng, now } = ctx;
  const project = world.addProject(
    { name: `evil-corp ${HOSTILE.img}`, repository: 'evil/<script>repo</script>', description: HOSTILE.script },
    now - 20 * 86_400_000,
  );
  const markdown = [
    `# Report ${HOSTILE.script}`,
    `Inline html: ${HOSTILE.img} and ${HOSTILE.svg}`,
    `- ${HOSTILE.jsLink}`,
    `- ${HOSTILE.jsLinkUpper}`,
    `- ${HOSTILE.dataLink}`,
    `- ${HOSTILE.jsImage}`,
    `- ${HOSTILE.rawAnchor}`,
    `- [phishing](${HOSTILE.phishUrl})`,
    '```html\n<script>alert("in a code fence: fine as text")</script>\n```',
    HOSTILE.iframe,
  ].join('\n\n');
  const script: Step[] = [
    think(rng, `Thinking about ${HOSTILE.script} and ${HOSTILE.img}`),
    { kind: 'plan', entries: [{ content: `Sanitise ${HOSTILE.img}`, priority: 'high', status: 'in_progress' }] },
    { kind: 'tool', call: hostileTool },
    { kind: 'say', chunks: [markdown] },
    say(rng, `Streamed in pieces: ${HOSTILE.script} ${HOSTILE.jsLink}`),
    { kind: 'say', chunks: [HOSTILE.longToken] },
    { kind: 'ask', reason: `Approve ${HOSTILE.img}?`, options: [HOSTILE.script, 'No'], category: HOSTILE.svg },
    say(rng, `Approved: ${HOSTILE.rawAnchor}`),
    { kind: 'idle' },
  ];
  const first = fleet.spawn({
    projectId: project.id,
    title: `${HOSTILE.script} Fix login`,
    message: `Please fix ${HOSTILE.img} ${HOSTILE.jsLink}`,
    script,
    at: now - 20 * MIN,
  });
  const sid = first.session.id;

  // Rows a strict client would choke on: an unknown role, a plan that is not JSON, an unknown tool status.
  world.messages.append(sid, [{ role: 'critic', content: `Unknown role ${HOSTILE.script}` }], now - 5 * MIN);
  world.messages.append(sid, [{ role: 'plan', content: `{not json ${HOSTILE.img}` }], now - 5 * MIN + 10);
  world.messages.append(
    sid,
    [{ role: 'tool', content: 'odd', toolMetadata: { ...structuredClone(hostileToolMeta()), status: 'exploded' } }],
    now - 5 * MIN + 20,
  );

  // Unknown statuses on a second session and its task.
  const second = fleet.spawn({
    projectId: project.id,
    title: `Topic with ${HOSTILE.jsLink}`,
    script: [say(rng, HOSTILE.dataLink), { kind: 'idle' }],
    at: now - 60 * MIN,
  });
  second.session.status = 'hibernating';
  second.task.status = 'paused';
  second.task.executionStep = 'quantum_tunnelling';

  const base = { projectId: project.id, sessionId: sid, taskId: first.task.id };
  world.notifications.create({ ...base, type: 'task_complete', title: `${HOSTILE.script} Task completed`, body: HOSTILE.img }, now - 4 * MIN);
  world.notifications.create(
    { ...base, type: 'pr_created', title: 'Your PR is ready, click here', body: HOSTILE.jsLink, actionUrl: HOSTILE.phishUrl },
    now - 3 * MIN,
  );
  world.notifications.create(
    { ...base, type: 'error', title: `Failure ${HOSTILE.img}`, body: HOSTILE.svg, actionUrl: 'javascript:alert("xss-action")' },
    now - 2 * MIN,
  );
  world.notifications.create({ ...base, type: 'progress', title: 'Protocol-relative link', body: null, actionUrl: '//evil.example/x' }, now - 90_000);
  world.notifications.create(
    { ...base, type: 'billing_alert', urgency: 'critical', title: `Unknown type ${HOSTILE.iframe}`, body: HOSTILE.dataLink },
    now - 60_000,
  );
}

function hostileToolMeta() {
  return {
    toolCallId: 'toolu_hostile_odd',
    title: HOSTILE.img,
    kind: 'teleport',
    status: 'pending',
    toolName: 'Teleport',
    locations: [],
    content: [],
  };
}
