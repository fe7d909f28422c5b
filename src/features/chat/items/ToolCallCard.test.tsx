// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { api } from '../../../api/endpoints';
import { ApiError } from '../../../api/http';
import { ChatScopeProvider } from '../chatScope';
import userEvent from '@testing-library/user-event';
import type { ToolMetadata } from '../../../api/contract';
import { PAYLOAD_PREVIEW_CHARS } from './toolPayload';
import { ToolCallCard } from './ToolCallCard';
import type { ItemOf } from './itemTypes';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

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
    metadata: {
      toolCallId: 'call-1',
      title: 'Run the tests',
      kind: 'execute',
      status: 'completed',
      toolName: 'bash',
      locations: [],
      content: [],
      rawInput: { command: 'npm test' },
      rawOutput: '12 passed',
      ...metadata,
    } as ToolMetadata,
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

  // Issue 12.10: after a reload SAM's compact mode strips `toolMetadata.content` and sends `contentSize`.
  describe('a row compact mode stripped', () => {
    const compacted = () => toolItem({ messageIds: ['m1', 'm2', 'm3'] }, { rawInput: undefined, rawOutput: undefined, content: [], contentSize: 12_800 });
    const renderInChat = (item: ItemOf<'tool'>) =>
      render(
        <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
          <ChatScopeProvider projectId="p1" sessionId="s1">
            <ToolCallCard item={item} />
          </ChatScopeProvider>
        </QueryClientProvider>,
      );

    it('says how much output there is and loads it on demand, from the newest row that has it', async () => {
      const toolContent = vi.spyOn(api, 'toolContent').mockImplementation(async (_p, _s, messageId) => {
        if (messageId === 'm3') return { content: [] };
        if (messageId === 'm2') return { content: [{ type: 'content', content: { type: 'text', text: '212 tests passed' } }] };
        throw new ApiError(404, 'NOT_FOUND', 'Message tool content not found');
      });
      const user = userEvent.setup();
      renderInChat(compacted());
      await user.click(screen.getByRole('button', { name: /run the tests/i }));
      expect(screen.queryByText('Nothing yet.')).toBeNull();
      expect(screen.queryByText('Input')).toBeNull();
      expect(screen.getByText(/13 KB of output/)).toBeInTheDocument();
      expect(toolContent).not.toHaveBeenCalled();
      await user.click(screen.getByRole('button', { name: 'Load' }));
      expect(await screen.findByText('212 tests passed')).toBeInTheDocument();
      expect(toolContent.mock.calls.map((call) => call.slice(0, 3))).toEqual([
        ['p1', 's1', 'm3'],
        ['p1', 's1', 'm2'],
      ]);
    });

    it('says why the output could not be loaded, and tries again', async () => {
      const toolContent = vi.spyOn(api, 'toolContent').mockRejectedValueOnce(new ApiError(500, 'INTERNAL_ERROR', 'boom'));
      const user = userEvent.setup();
      renderInChat(compacted());
      await user.click(screen.getByRole('button', { name: /run the tests/i }));
      await user.click(screen.getByRole('button', { name: 'Load' }));
      expect(await screen.findByText(/could not be loaded/)).toBeInTheDocument();
      toolContent.mockResolvedValue({ content: [{ type: 'content', content: { type: 'text', text: 'ok now' } }] });
      await user.click(screen.getByRole('button', { name: 'Try again' }));
      expect(await screen.findByText('ok now')).toBeInTheDocument();
    });
  });
});
