import type { Socket } from 'socket.io-client';
import type { IncomingCall } from '../../../preload/desktop-api';
import type { ChatStore } from '../chat/chat-store';
import { conversationTitle, otherMember } from '../chat/describe';
import { type Api, ApiError } from '../lib/api';
import { desktop } from '../lib/desktop';
import { type MessageKey, t } from '../lib/i18n';
import { Store } from '../lib/store';
import type { Ack, CallStateEvent, CallStateName, JoinReply } from '../lib/types';
import { CallWindows } from './call-windows';
import { dismissCallNotification, notifyIncomingCall } from './notifications';
import { startRinging, stopRinging } from './ringer';

export type OutgoingPhase = 'starting' | CallStateName | 'failed';

/** The call this user is placing, from the click until its outcome has been shown. */
export interface OutgoingCall {
  conversation_id: string;
  /** Who is being called: the other person, or the group's title. */
  name: string;
  /** Whose avatar the overlay shows: the other person's id, or the group's. */
  avatar_id: string;
  room_id?: string;
  call_id?: string;
  phase: OutgoingPhase;
  error?: string;
}

/** A short message for the user, optionally with one action (e.g. open a blocked call window). */
export interface Notice {
  text: string;
  action?: { label: string; run: () => void };
}

export interface CallsState {
  outgoing: OutgoingCall | null;
  /** Calls ringing for this user, oldest first. */
  incoming: IncomingCall[];
  /** Calls whose room this device has open. */
  inCall: string[];
  notice: Notice | null;
}

const TERMINAL: readonly CallStateName[] = ['ended', 'missed', 'declined', 'cancelled', 'busy'];
/** How long an outcome stays on screen before the overlay closes itself. */
const OUTCOME_MS = 6000;

/** Words for a refused call, by the backend's error code. */
const FAILURE_TEXT: Record<string, MessageKey> = {
  jitsi_not_configured: 'callNotConfigured',
  already_in_call: 'callAlreadyInCall',
  call_in_progress: 'callInProgress',
  rate_limited: 'errRateLimited',
  blocked: 'errBlocked',
};

/**
 * Outgoing and incoming calls over the docs/CONTRACT.md socket events: places calls, rings for invitations until
 * any `call_state` says this user no longer rings, answers, and opens the room page of a joined call.
 */
export class CallStore extends Store<CallsState> {
  readonly windows: CallWindows;
  readonly #expiry = new Map<string, ReturnType<typeof setTimeout>>();
  /** Every invitation heard, so an answer from the desktop popup finds its room after the view closed. */
  readonly #invitations = new Map<string, IncomingCall>();
  #outcomeTimer: ReturnType<typeof setTimeout> | undefined;
  /** Counts placed calls, so a late timer never closes the overlay of a newer one. */
  #attempt = 0;
  readonly #unsubscribe: (() => void)[] = [];

  constructor(
    private readonly api: Api,
    private readonly socket: Socket,
    private readonly chat: ChatStore,
  ) {
    super({ outgoing: null, incoming: [], inCall: [], notice: null });
    this.windows = new CallWindows((callId) => this.leave(callId));
    const bridge = desktop();
    if (bridge) {
      this.#unsubscribe.push(
        bridge.onIncomingCallAction(({ call_id, accepted }) =>
          accepted ? void this.accept(call_id) : this.decline(call_id),
        ),
        bridge.onDeepLink((roomId) => void this.joinRoom(roomId)),
      );
    }
  }

  // ---- placing a call ----

  /** The call button: create a room, ring the other member(s), join and open the room page. */
  async start(conversationId: string): Promise<void> {
    if (this.state.outgoing && !this.#isOver(this.state.outgoing.phase)) return;
    const conversation = this.chat.conversation(conversationId);
    if (!conversation) return;
    const me = this.chat.me.id;
    const target = otherMember(conversation, me);
    this.#setOutgoing({
      conversation_id: conversationId,
      name: conversationTitle(conversation, me),
      avatar_id: target?.id ?? conversationId,
      phase: 'starting',
    });
    try {
      const room = await this.api.post<{ room_id: string }>('/rooms/create', {
        conversation_id: conversationId,
      });
      this.#patchOutgoing({ room_id: room.room_id });
      const ack = await this.#emit<{ call_id: string }>('call_invitation', {
        room_id: room.room_id,
        ...(target ? { target_user_id: target.id } : {}),
      });
      if (!ack.ok) return this.#fail(ack.error.code, ack.error.message);
      this.#patchOutgoing({ call_id: ack.call_id });
      const join = await this.api.post<JoinReply>(`/rooms/${room.room_id}/join`);
      // Declined or busy while we were joining: there is no call to open.
      if (this.#isOver(this.state.outgoing?.phase)) return;
      await this.#openRoom(join.room_url, ack.call_id);
    } catch (err) {
      const code = err instanceof ApiError ? err.code : 'network';
      const callId = this.state.outgoing?.call_id;
      if (callId) this.socket.emit('call_cancel', { call_id: callId }, () => {});
      this.#fail(code, err instanceof Error ? err.message : String(err));
    }
  }

  /** Hang up before anyone answered. */
  cancel(): void {
    const outgoing = this.state.outgoing;
    if (!outgoing) return;
    if (!outgoing.call_id) {
      this.#setOutgoing(null);
      return;
    }
    this.socket.emit('call_cancel', { call_id: outgoing.call_id }, () => {});
  }

  dismissOutgoing(): void {
    this.#setOutgoing(null);
  }

  // ---- answering ----

  async accept(callId: string): Promise<void> {
    const call = this.#invitations.get(callId);
    this.#stopRinging(callId);
    if (!call) {
      this.set({ notice: { text: t('callNoLongerRinging') } });
      return;
    }
    const ack = await this.#emit('call_invitation_response', { call_id: callId, accepted: true });
    if (!ack.ok) {
      this.set({ notice: { text: t('callNoLongerRinging') } });
      return;
    }
    try {
      const join = await this.api.post<JoinReply>(`/rooms/${call.room_id}/join`);
      await this.#openRoom(join.room_url, callId);
    } catch (err) {
      this.set({ notice: { text: t('errGeneric', { message: err instanceof Error ? err.message : '' }) } });
    }
  }

  decline(callId: string): void {
    this.#stopRinging(callId);
    this.socket.emit('call_invitation_response', { call_id: callId, accepted: false }, () => {});
  }

  /** A `peace-messenger://room/{id}` link: join that room (a call going on in it) if this user may. */
  async joinRoom(roomId: string): Promise<void> {
    try {
      const join = await this.api.post<JoinReply>(`/rooms/${encodeURIComponent(roomId)}/join`);
      await this.#openRoom(join.room_url, roomId);
    } catch (err) {
      this.set({ notice: { text: t('errGeneric', { message: err instanceof Error ? err.message : '' }) } });
    }
  }

  /** This device's call window closed: the user left the call. */
  leave(callId: string): void {
    this.set((s) => ({ inCall: s.inCall.filter((id) => id !== callId) }));
    this.socket.emit('call_leave', { call_id: callId }, () => {});
  }

  dismissNotice(): void {
    this.set({ notice: null });
  }

  // ---- server events ----

  onInvitation(call: IncomingCall): void {
    if (call.from.id === this.chat.me.id) return;
    if (this.state.incoming.some((c) => c.call_id === call.call_id)) return;
    const left = new Date(call.ringing_until).getTime() - Date.now();
    if (left <= 0) return;
    this.#invitations.set(call.call_id, call);
    this.set((s) => ({ incoming: [...s.incoming, call] }));
    // The server says when ringing stops; this only covers a `call_state` lost to a dropped connection.
    this.#expiry.set(
      call.call_id,
      setTimeout(() => this.#stopRinging(call.call_id), left + 5000),
    );
    const bridge = desktop();
    if (bridge) {
      // The desktop app rings in its own always-on-top window, even when this one is in the tray.
      void bridge.showIncomingCall(call);
    } else {
      startRinging();
      notifyIncomingCall(call.call_id, call.from.display_name);
    }
  }

  onCallState(event: CallStateEvent): void {
    const me = this.chat.me.id;
    const mine = event.participants.find((p) => p.user_id === me);
    // Answered on another device, cancelled, missed, ended: this device stops ringing at once. A group call
    // that someone else joined is `active` but still rings for those who have not answered.
    if (mine?.status !== 'ringing' || TERMINAL.includes(event.state)) this.#stopRinging(event.call_id);
    if (TERMINAL.includes(event.state))
      this.set((s) => ({ inCall: s.inCall.filter((id) => id !== event.call_id) }));

    const outgoing = this.state.outgoing;
    if (outgoing && (outgoing.call_id === event.call_id || outgoing.room_id === event.room_id)) {
      this.#patchOutgoing({ call_id: event.call_id, phase: event.state });
      if (event.state !== 'ringing' && event.state !== 'active' && event.state !== 'ended') {
        this.windows.close(event.call_id);
      }
      if (event.state !== 'ringing') this.#closeOutgoingLater(event.state === 'active' ? 1500 : OUTCOME_MS);
    }
  }

  /** The words the outgoing-call overlay shows for its phase. */
  outgoingText(outgoing: OutgoingCall): string {
    const name = outgoing.name;
    switch (outgoing.phase) {
      case 'starting':
        return t('startingCall');
      case 'ringing':
        return t('ringing');
      case 'active':
        return t('connected');
      case 'declined':
        return t('callDeclined', { name });
      case 'busy':
        return t('callBusy', { name });
      case 'missed':
        return t('callNoAnswer');
      case 'cancelled':
        return t('callCancelled');
      case 'ended':
        return t('callEnded');
      case 'failed':
        return t('callFailed', { reason: outgoing.error ?? '' });
    }
  }

  dispose(): void {
    for (const timer of this.#expiry.values()) clearTimeout(timer);
    clearTimeout(this.#outcomeTimer);
    for (const unsubscribe of this.#unsubscribe) unsubscribe();
    this.windows.dispose();
    stopRinging();
  }

  // ---- internals ----

  async #openRoom(roomUrl: string, callId: string): Promise<void> {
    const opened = await this.windows.open(roomUrl, callId).catch(() => false);
    if (opened) {
      this.set((s) => ({ inCall: s.inCall.includes(callId) ? s.inCall : [...s.inCall, callId] }));
      return;
    }
    // A pop-up blocker stopped it: a click on the notice is a user gesture that opens it.
    this.set({
      notice: {
        text: t('callWindowBlocked'),
        action: { label: t('retry'), run: () => void this.#openRoom(roomUrl, callId) },
      },
    });
  }

  #stopRinging(callId: string): void {
    clearTimeout(this.#expiry.get(callId));
    this.#expiry.delete(callId);
    dismissCallNotification(callId);
    const wasRinging = this.state.incoming.some((c) => c.call_id === callId);
    this.set((s) => ({ incoming: s.incoming.filter((c) => c.call_id !== callId) }));
    if (wasRinging) void desktop()?.dismissIncomingCall(callId);
    if (this.state.incoming.length === 0) stopRinging();
  }

  #fail(code: string, message: string): void {
    const key = FAILURE_TEXT[code];
    const error = key ? t(key) : code === 'network' ? t('errNetwork') : message;
    this.#patchOutgoing({ phase: 'failed', error });
    this.#closeOutgoingLater(OUTCOME_MS);
  }

  #isOver(phase: OutgoingPhase | undefined): boolean {
    return phase !== undefined && phase !== 'starting' && phase !== 'ringing';
  }

  #closeOutgoingLater(ms: number): void {
    clearTimeout(this.#outcomeTimer);
    const attempt = this.#attempt;
    this.#outcomeTimer = setTimeout(() => {
      if (attempt === this.#attempt) this.#setOutgoing(null);
    }, ms);
  }

  #setOutgoing(outgoing: OutgoingCall | null): void {
    clearTimeout(this.#outcomeTimer);
    if (outgoing) this.#attempt++;
    this.set({ outgoing });
  }

  #patchOutgoing(patch: Partial<OutgoingCall>): void {
    const outgoing = this.state.outgoing;
    if (outgoing) this.set({ outgoing: { ...outgoing, ...patch } });
  }

  #emit<T>(event: string, payload: unknown): Promise<Ack<T>> {
    return this.socket
      .timeout(10_000)
      .emitWithAck(event, payload)
      .catch(() => ({
        ok: false,
        error: { code: 'network', message: 'no answer from the server' },
      })) as Promise<Ack<T>>;
  }
}
