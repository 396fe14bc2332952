import type { ContactRequest } from '../../../contract/contact-requests';
import type { Api } from '../lib/api';
import { Store } from '../lib/store';

/**
 * Requests from strangers waiting for this user's answer (docs/API.md "Contact requests"): loaded on
 * start, added live by the `contact_request` event, removed once answered.
 */
export class ContactRequestStore extends Store<{ requests: ContactRequest[] }> {
  constructor(private readonly api: Api) {
    super({ requests: [] });
  }

  async load(): Promise<void> {
    this.set({ requests: await this.api.request('GET /contact-requests') });
  }

  onRequest(request: ContactRequest): void {
    this.set((s) => ({
      requests: [request, ...s.requests.filter((r) => r.from.id !== request.from.id)],
    }));
  }

  /** The pending request shown in `conversationId`, if any. */
  forConversation(conversationId: string): ContactRequest | undefined {
    return this.state.requests.find((r) => r.conversation_id === conversationId);
  }

  /** Accepts or declines; the request goes away either way (also when it was answered elsewhere). */
  async answer(fromId: string, accept: boolean): Promise<void> {
    try {
      const route = accept ? 'POST /contact-requests/:id/accept' : 'POST /contact-requests/:id/decline';
      await this.api.request(route, { params: { id: fromId } });
    } finally {
      this.set((s) => ({ requests: s.requests.filter((r) => r.from.id !== fromId) }));
    }
  }
}
