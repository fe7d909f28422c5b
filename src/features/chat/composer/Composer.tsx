import { promptAcceptance } from '../../../reconcile/pendingSends';
import type { SessionView } from '../../../reconcile/types';
import type { ChatActions, LineageActions } from '../chatTypes';
import { AttentionPrompt } from './AttentionPrompt';
import { EndedNotice } from './EndedNotice';
import { InterruptButton } from './InterruptButton';
import { MessageBox } from './MessageBox';

export interface ComposerProps {
  sessionId: string;
  view: SessionView;
  actions: Pick<ChatActions, 'send' | 'interrupt' | 'answer'>;
  lineageActions: LineageActions;
  showRetry: boolean;
  showFork: boolean;
}

/**
 * The bottom of the chat: the agent's open question, then either the follow-up box (with an interrupt
 * while the agent works) or, when the chat has ended, the reason and Retry/Fork. The box never locks
 * while the chat lives: a prompt the agent cannot take yet is queued by SAM.
 */
export function Composer({ sessionId, view, actions, lineageActions, showRetry, showFork }: ComposerProps) {
  const acceptance = promptAcceptance(view);
  return (
    <div className="flex shrink-0 flex-col gap-2 border-t border-line bg-surface px-3 pt-2 pb-[max(0.5rem,env(safe-area-inset-bottom))] sm:px-4">
      <div className="mx-auto flex w-full max-w-3xl flex-col gap-2">
        {view.attention && !view.ended && <AttentionPrompt attention={view.attention} onAnswer={actions.answer} />}
        {acceptance !== 'refused' ? (
          <MessageBox
            sessionId={sessionId}
            onSend={actions.send}
            queued={acceptance === 'queued'}
            extraAction={view.canInterrupt ? <InterruptButton onInterrupt={actions.interrupt} /> : undefined}
          />
        ) : (
          <div className="flex flex-wrap items-start gap-2">
            <div className="min-w-0 flex-1">
              <EndedNotice view={view} showRetry={showRetry} showFork={showFork} lineageActions={lineageActions} />
            </div>
            {view.canInterrupt && <InterruptButton onInterrupt={actions.interrupt} />}
          </div>
        )}
      </div>
    </div>
  );
}
