import type { ClientEventName } from '../../../contract/event-names';
import type { ClientPayload } from '../../../contract/events';
import type { ChatStore } from '../chat/chat-store';
import { otherMember } from '../chat/describe';
import { type Api, ApiError } from '../lib/api';
import { desktop } from '../lib/desktop';
import { t } from '../lib/i18n';
import { type ClientSocket, emitWithAck } from '../lib/socket-ack';
import { Store } from '../lib/store';
import type { CallStateEvent, CallSummary, IncomingCall } from '../lib/types';
import { CallWindows } from './call-windows';
import { type CallsState, type Notice, type OutgoingCall, type SwitchConfirm, TERMINAL } from './calls-state';
import { ringFor, silence } from './incoming-ring';
import { callButtonStep, isIn, otherCallsOf, withUpdate } from './live-calls';
import { isOver, OutgoingBar } from './outgoing-bar';
import type { OutgoingPhase } from './outgoing-text';
import { reconcile } from './reconcile';
import { stopRinging } from './ringer';

export type { CallsState, Notice, OutgoingCall, OutgoingPhase, SwitchConfirm };

/**
 * Calls over the socket events of docs/CONTRACT.md and docs/API.md: places calls, rings for invitations until the server says
 * this user no longer rings, answers, and opens (or returns to) the room page of a call. The live calls
 * of the user's conversations come from the server (`calls_snapshot`, `call_updated`); the decisions are
 * the pure steps of live-calls.ts and reconcile.ts, and this store only performs their effects.
 */
export class CallStore extends Store<CallsState> {
  readonly windows: CallWindows;
  /** Every invitation heard, so an answer from the desktop popup finds its room after the view closed. */
  readonly #invitations = new Map<string, IncomingCall>();
  readonly #bar = new OutgoingBar(
    () => this.state.outgoing,
    (outgoing) => this.set({ outgoing }),
  );
  readonly #unsubscribe: (() => void)[] = [];

  constructor(
    private readonly api: Api,
    private readonly socket: ClientSocket,
    private readonly chat: ChatStore,
  ) {
    super({ outgoing: null, incoming: [], inCall: [], live: {}, confirm: null, notice: null });
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

  /**
   * The call button: joins (or returns to) the conversation's live call if there is one, else rings the
   * other member(s). Either way, a call the user is in elsewhere is left first, after asking.
   */
  async start(conversationId: string): Promise<void> {
    const step = callButtonStep(this.state.live, conversationId, this.chat.me.id);
    if (step.kind === 'return') return this.openCall(step.call);
    if (step.kind === 'join') return this.#guarded(step.call.call_id, () => this.openCall(step.call));
    if (this.state.outgoing && !isOver(this.state.outgoing.phase)) return;
    return this.#guarded(undefined, () => this.#place(conversationId));
  }

  /** Opens (or brings to the front) the room of a live call; entering it makes the user a participant. */
  openCall(call: CallSummary): Promise<void> {
    return this.#enter(call.room_id, call.call_id);
  }

  /** Hang up a call this user is in (the bar's button): the server records the leave, the window closes. */
  async hangUp(callId: string): Promise<void> {
    this.windows.close(callId);
    this.set((s) => ({ inCall: s.inCall.filter((id) => id !== callId) }));
    await this.#emit('call_leave', { call_id: callId });
  }

  /** The answer to "Leave the current call and join?". */
  async confirmSwitch(yes: boolean): Promise<void> {
    const confirm = this.state.confirm;
    this.set({ confirm: null });
    if (!confirm || !yes) return;
    for (const call of confirm.leave) await this.hangUp(call.call_id);
    await confirm.proceed();
  }

  async #place(conversationId: string): Promise<void> {
    const conversation = this.chat.conversation(conversationId);
    if (!conversation) return;
    const target = otherMember(conversation, this.chat.me.id);
    this.#bar.show({ conversation_id: conversationId, phase: 'starting' });
    try {
      const room = await this.api.request('POST /rooms/create', {
        body: { conversation_id: conversationId },
      });
      this.#bar.patch({ room_id: room.room_id });
      const ack = await this.#emit('call_invitation', {
        room_id: room.room_id,
        ...(target ? { target_user_id: target.id } : {}),
      });
      if (!ack.ok) return this.#bar.fail(ack.error.code, ack.error.message);
      this.#bar.patch({ call_id: ack.call_id });
      const join = await this.api.request('POST /rooms/:room_id/join', {
        params: { room_id: room.room_id },
      });
      // Declined or busy while we were joining: there is no call to open.
      if (isOver(this.state.outgoing?.phase)) return;
      await this.#openRoom(join.room_url, ack.call_id);
    } catch (err) {
      const code = err instanceof ApiError ? err.code : 'network';
      const callId = this.state.outgoing?.call_id;
      if (callId) this.socket.emit('call_cancel', { call_id: callId }, () => {});
      this.#bar.fail(code, err instanceof Error ? err.message : String(err));
    }
  }

  /** Hang up before anyone answered. */
  cancel(): void {
    const outgoing = this.state.outgoing;
    if (!outgoing) return;
    if (!outgoing.call_id) {
      this.#bar.show(null);
      return;
    }
    this.socket.emit('call_cancel', { call_id: outgoing.call_id }, () => {});
  }

  dismissOutgoing(): void {
    this.#bar.show(null);
  }

  // ---- answering ----

  /** Accept a ringing call; in another call, only after "Leave the current call and join?". */
  accept(callId: string): Promise<void> {
    return this.#guarded(callId, () => this.#accept(callId));
  }

  async #accept(callId: string): Promise<void> {
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
    await this.#enter(call.room_id, callId);
  }

  decline(callId: string): void {
    this.#stopRinging(callId);
    this.socket.emit('call_invitation_response', { call_id: callId, accepted: false }, () => {});
  }

  /** A `peace-messenger://room/{id}` link: join that room (a call going on in it) if this user may. */
  joinRoom(roomId: string): Promise<void> {
    // Keyed by the room's live call when there is one, so the bar's Return and Hang up find its window.
    const call = Object.values(this.state.live).find((c) => c.room_id === roomId);
    return this.#enter(roomId, call?.call_id ?? roomId);
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
    if (new Date(call.ringing_until).getTime() <= Date.now()) return;
    this.#invitations.set(call.call_id, call);
    this.set((s) => ({ incoming: [...s.incoming, call] }));
    // The server says when ringing stops (`call_state`, or the next `calls_snapshot` after a drop).
    ringFor(call);
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
      const busy_ids = event.participants.filter((p) => p.status === 'busy').map((p) => p.user_id);
      this.#bar.settle(event.state, { call_id: event.call_id, busy_ids });
      if (event.state !== 'ringing' && event.state !== 'active' && event.state !== 'ended') {
        this.windows.close(event.call_id);
      }
    }
  }

  /** On every (re)connect: the server's whole picture replaces this device's. */
  onSnapshot(calls: CallSummary[]): void {
    const step = reconcile(this.state, calls, this.chat.me.id);
    this.set({ live: step.live });
    for (const callId of step.stopRinging) this.#stopRinging(callId);
    for (const callId of step.closeWindows) this.#closeWindow(callId);
    if (step.outgoing === null) this.#bar.show(null);
    else if (step.outgoing) {
      const { conversation_id, room_id, call_id } = step.outgoing;
      this.#bar.show({ conversation_id, room_id, call_id, phase: 'ringing' });
    }
  }

  /** A call of one of the user's conversations changed (anyone's call, whether this user is in it or not). */
  onCallUpdated(call: CallSummary): void {
    this.set((s) => ({ live: withUpdate(s.live, call) }));
    this.#closeIfLeft(call);
  }

  dispose(): void {
    this.#bar.dispose();
    for (const unsubscribe of this.#unsubscribe) unsubscribe();
    this.windows.dispose();
    stopRinging();
  }

  // ---- internals ----

  /** Gets this user's token for a room and opens (or focuses) its window, keyed by `callId`. */
  async #enter(roomId: string, callId: string): Promise<void> {
    try {
      const join = await this.api.request('POST /rooms/:room_id/join', {
        params: { room_id: roomId },
      });
      await this.#openRoom(join.room_url, callId);
    } catch (err) {
      this.set({ notice: { text: t('errGeneric', { message: err instanceof Error ? err.message : '' }) } });
    }
  }

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

  /** The user left a call (elsewhere, or the server made them): this device's window of it closes. */
  #closeIfLeft(call: CallSummary): void {
    if (isIn(call, this.chat.me.id) && !TERMINAL.includes(call.state)) return;
    // The desktop app keeps call windows across a reload of this page: one may be open unbeknown to it.
    const left = call.participants.some((p) => p.user_id === this.chat.me.id && p.status === 'left');
    if (left && desktop() && !this.state.inCall.includes(call.call_id)) this.windows.close(call.call_id);
    this.#closeWindow(call.call_id);
  }

  #closeWindow(callId: string): void {
    if (!this.state.inCall.includes(callId)) return;
    this.windows.close(callId);
    this.set((s) => ({ inCall: s.inCall.filter((id) => id !== callId) }));
  }

  /** The one-call rule: in another call, ask "Leave the current call and join?" before `proceed`. */
  async #guarded(targetCallId: string | undefined, proceed: () => Promise<void>): Promise<void> {
    const leave = otherCallsOf(this.state.live, this.chat.me.id, targetCallId);
    if (leave.length === 0) return proceed();
    this.set({ confirm: { leave, proceed } });
  }

  #stopRinging(callId: string): void {
    const wasRinging = this.state.incoming.some((c) => c.call_id === callId);
    this.set((s) => ({ incoming: s.incoming.filter((c) => c.call_id !== callId) }));
    silence(callId, wasRinging, this.state.incoming.length > 0);
  }

  #emit<E extends ClientEventName>(event: E, payload: ClientPayload<E>) {
    return emitWithAck(this.socket, event, payload);
  }
}
