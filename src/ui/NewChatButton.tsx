import { useState } from 'react';
import { Button } from './Button';
import { MessageForm } from './MessageForm';

/** "New chat": opens a small form in place; the chat starts with its first message. */
export function NewChatButton({ onStart }: { onStart(message: string): Promise<void> }) {
  const [open, setOpen] = useState(false);
  if (!open) {
    return (
      <Button variant="primary" onClick={() => setOpen(true)}>
        <span aria-hidden="true">+</span> New chat
      </Button>
    );
  }
  return (
    <div className="w-full rounded-lg border border-line bg-surface p-3 text-left">
      <MessageForm
        label="What should the agent do?"
        submitLabel="Start chat"
        placeholder="Describe the task…"
        onSubmit={async (message) => {
          await onStart(message);
          setOpen(false);
        }}
        onCancel={() => setOpen(false)}
      />
    </div>
  );
}
