import { senderName } from '../chat/describe';
import { typingText } from '../chat/typing-text';
import { useStore } from '../lib/store';
import type { ConversationSummary } from '../lib/types';
import type { Session } from '../session';

/** "Alice is typing…" above the composer; the line keeps its height so nothing jumps when it comes and goes. */
export function TypingIndicator({
  session,
  conversation,
}: {
  session: Session;
  conversation: ConversationSummary;
}) {
  useStore(session.typing);
  const names = session.typing
    .typists(conversation.id)
    .filter((id) => id !== session.me.id)
    .map((id) => senderName(conversation, id));
  const text = typingText(names);
  return (
    <div class="typing-indicator" data-testid="typing-indicator" aria-live="polite">
      {text && (
        <>
          <span class="typing-dots" aria-hidden="true">
            <span />
            <span />
            <span />
          </span>
          <span data-testid="typing-text">{text}</span>
        </>
      )}
    </div>
  );
}
