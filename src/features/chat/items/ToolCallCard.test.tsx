// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ToolMetadata } from '../../../api/contract';
import { PAYLOAD_PREVIEW_CHARS } from '../toolPayload';
import { ToolCallCard } from './ToolCallCard';
import type { ItemOf } from './itemTypes';

afterEach(cleanup);

function toolItem(overrides: Partial<ItemOf<'tool'>> = {}, metadata: Partial<ToolMetadata> = {}): ItemOf<'tool'> {
  return {
    kind: 'tool',
    id: 'tool-1',
    toolCallId: 'call-1',
    title: 'Run the tests',
    toolKind: 'execute',
    toolName: 'bash',
    status: 'completed',
    locations: [{ path: 'src/app/very/long/path/to/a/file.test.ts', line: 42 }],
    metadata: { toolCallId: 'call-1', title: 'Run the tests', kind: 'execute', status: 'completed', toolName: 'bash', locations: [], content: [], rawInput: { command: 'npm test' }, rawOutput: '12 passed', ...metadata } as ToolMetadata,
    createdAt: 0,
    messageIds: ['m1'],
    ...overrides,
  };
}

describe('ToolCallCard', () => {
  it('shows status (icon + label), title, kind and file locations', () => {
    const { container } = render(<ToolCallCard item={toolItem()} />);
    expect(screen.getByText('Completed')).toBeInTheDocument();
    expect(container.querySelector('[data-status="completed"] svg')).not.toBeNull();
    expect(screen.getByText('Run the tests')).toBeInTheDocument();
    expect(screen.getByText('execute')).toBeInTheDocument();
    expect(screen.getByText('src/app/very/long/path/to/a/file.test.ts:42')).toBeInTheDocument();
  });

  it.each([
    ['pending', 'Pending'],
    ['in_progress', 'In progress'],
    ['failed', 'Failed'],
  ] as const)('labels the %s status', (status, label) => {
    render(<ToolCallCard item={toolItem({ status })} />);
    expect(screen.getByText(label)).toBeInTheDocument();
  });

  it('expands to show the input and output, pretty-printed', async () => {
    const user = userEvent.setup();
    render(<ToolCallCard item={toolItem()} />);
    const toggle = screen.getByRole('button', { name: /run the tests/i });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    expect(screen.queryByText(/npm test/)).toBeNull();
    await user.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    expect(screen.getByText('Input')).toBeInTheDocument();
    expect(screen.getByText(/"command": "npm test"/)).toBeInTheDocument();
    expect(screen.getByText('12 passed')).toBeInTheDocument();
  });

  it('truncates a large output until "Show all" is pressed', async () => {
    const user = userEvent.setup();
    const output = 'x'.repeat(PAYLOAD_PREVIEW_CHARS * 3);
    render(<ToolCallCard item={toolItem({}, { rawOutput: output })} />);
    await user.click(screen.getByRole('button', { name: /run the tests/i }));
    expect(screen.getByText('x'.repeat(PAYLOAD_PREVIEW_CHARS))).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: /show all/i }));
    expect(screen.getByText(output)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /show all/i })).toBeNull();
  });
});
