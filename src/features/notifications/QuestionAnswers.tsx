import type { Notification } from '../../api/contract';
import { describeError } from '../../api/http';
import { answerableQuestion, type AnswerableQuestion } from '../../reconcile/notifications';
import { Button } from '../../ui/Button';
import { useAnswerQuestion, useGivenAnswer } from './actions';

/** The options of a needs_input item, as answer buttons; once answered, what was answered. */
export function QuestionAnswers({ notification }: { notification: Notification }) {
  const question = answerableQuestion(notification);
  return question ? <Answers notification={notification} question={question} /> : null;
}

function Answers({ notification, question }: { notification: Notification; question: AnswerableQuestion }) {
  const given = useGivenAnswer(notification.id);
  const answer = useAnswerQuestion(notification);
  if (given !== null) {
    return (
      <p className="relative z-10 mt-2 flex items-center gap-1 text-sm text-state-done">
        <span aria-hidden="true">✓</span>
        Answered: <span className="break-words font-medium">{given}</span>
      </p>
    );
  }
  return (
    <div className="relative z-10 mt-2">
      <div role="group" aria-label={`Answer: ${notification.title}`} className="flex flex-wrap gap-2">
        {question.options.map((option) => (
          <Button
            key={option}
            variant="secondary"
            className="max-w-full break-words"
            disabled={answer.isPending}
            onClick={() => answer.mutate({ ...question, answer: option })}
          >
            {option}
          </Button>
        ))}
      </div>
      <AnswerStatus pending={answer.isPending} error={answer.isError ? answer.error : null} />
    </div>
  );
}

/** While an answer is on its way, and why it did not arrive: the panel's rows and the queue's show the same. */
export function AnswerStatus({ pending, error }: { pending: boolean; error: unknown }) {
  return (
    <>
      {pending && (
        <p className="mt-1 text-xs text-muted" role="status">
          Sending answer…
        </p>
      )}
      {error != null && (
        <p role="alert" className="mt-1 break-words text-sm text-state-failed">
          Could not send the answer: {describeError(error)}
        </p>
      )}
    </>
  );
}
