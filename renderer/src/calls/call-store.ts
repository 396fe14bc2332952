import type { ClientEventName } from '../../../contract/event-names';
import type { ClientPayload } from '../../../contract/events';
import type { ChatStore } from '../chat/chat-store';
import { otherMember } from '../chat/describe';
import { callsRing } from '../chat/mute';
import { type Api, ApiError } from '../lib/api';
import { desktop } from '../lib/desktop';
import { explainError } from '../lib/explain-error';
import { t } from '../lib/i18n';
import { type ClientSocket, emitWithAck } from '../lib/socket-ack';
import { Store } from '../lib/store';
import type { CallStateEvent, CallSummary, IncomingCall } from '../lib/types';
import { onCallState, onCallUpdated, onSnapshot } from './call-events';
import { CallWindows } from './call-windows';
import type {
  CallEffect,
  CallStep,
  CallsState,
  Notice,
  OutgoingCall,
  StepState,
  SwitchConfirm,
} from './calls-state';
import { entered, hungUp, windowWasClosed } from './in-call-steps';
import { ringFor, silence } from './incoming-ring';
import { invited, ringStopped } from './incoming-steps';
import { callButtonStep, otherCallsOf, windowKeyOfRoom } from './live-calls';
import { isOver, OutgoingBar } from './outgoing-bar';
import { cancelStep, mayPlace } from './outgoing-steps';
import type { OutgoingPhase } from './outgoing-text';
import { stopRinging } from './ringer';

export type { CallsState, Notice, OutgoingCall, OutgoingPhase, SwitchConfirm };

/**
 * Calls over the socket events of docs/CONTRACT.md and docs/API.md: places calls, rings for invitations
 * until the server says this user no longer rings, answers, and opens (or returns to) the room page of a
 * call. Every decision is a pure step (call-events.ts and the incoming, in-call and outgoing steps it
 * composes); this store applies their state and performs their effects, and talks to the server.
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

  get #me(): string {
    return this.chat.me.id;
  }

  // ---- placing a call ----

  /**
   * The call button: joins (or returns to) the conversation's live call if there is one, else rings the
   * other member(s). Either way, a call the user is in elsewhere is left first, after asking.
   */
  async start(conversationId: string): Promise<void> {
    const step = callButtonStep(this.state.live, conversationId, this.#me);
    if (step.kind === 'return') return this.openCall(step.call);
    if (step.kind === 'join') return this.#guarded(step.call.call_id, () => this.openCall(step.call));
    if (!mayPlace(this.state.outgoing)) return;
    // Not when a question comes first: an empty window would cover "Leave the current call?".
    const asks = otherCallsOf(this.state.live, this.#me, undefined).length > 0;
    const reserved = asks ? null : this.windows.reserve();
    return this.#guarded(undefined, () => this.#place(conversationId, reserved));
  }

  /** Opens (or brings to the front) the room of a live call; entering it makes the user a participant. */
  openCall(call: CallSummary): Promise<void> {
    return this.#enter(call.room_id, call.call_id);
  }

  /** Hang up a call this user is in (the bar's button): the server records the leave, the window closes. */
  async hangUp(callId: string): Promise<void> {
    this.#apply(hungUp(this.state, callId));
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

  async #place(conversationId: string, reserved: Window | null = null): Promise<void> {
    try {
      if (await this.#ring(conversationId, reserved)) reserved = null;
    } finally {
      // No call to show in it (declined, busy, failed): the empty window goes away again.
      reserved?.close();
    }
  }

  /** Rings the conversation and opens the room; true when `reserved` was handed to the room. */
  async #ring(conversationId: string, reserved: Window | null): Promise<boolean> {
    const conversation = this.chat.conversation(conversationId);
    if (!conversation) return false;
    const target = otherMember(conversation, this.#me);
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
      if (!ack.ok) {
        this.#bar.fail(ack.error.code, ack.error.message);
        return false;
      }
      this.#bar.patch({ call_id: ack.call_id });
      const join = await this.api.request('POST /rooms/:room_id/join', {
        params: { room_id: room.room_id },
      });
      // Declined or busy while we were joining: there is no call to open.
      if (isOver(this.state.outgoing?.phase)) return false;
      await this.#openRoom(join.room_url, ack.call_id, reserved);
      return true;
    } catch (err) {
      const callId = this.state.outgoing?.call_id;
      if (callId) this.socket.emit('call_cancel', { call_id: callId }, () => {});
      this.#bar.fail(err instanceof ApiError ? err.code : 'network', explainError(err));
      return false;
    }
  }

  /** Hang up before anyone answered. */
  cancel(): void {
    const step = cancelStep(this.state.outgoing);
    if (step.kind === 'close-bar') this.#bar.show(null);
    if (step.kind === 'cancel') this.socket.emit('call_cancel', { call_id: step.callId }, () => {});
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
    this.#apply(ringStopped(this.state, callId));
    const ack = call && (await this.#emit('call_invitation_response', { call_id: callId, accepted: true }));
    if (!call || !ack?.ok) {
      this.set({ notice: { text: t('callNoLongerRinging') } });
      return;
    }
    await this.#enter(call.room_id, callId);
  }

  decline(callId: string): void {
    this.#apply(ringStopped(this.state, callId));
    this.socket.emit('call_invitation_response', { call_id: callId, accepted: false }, () => {});
  }

  /** A `peace-messenger://room/{id}` link: join that room (a call going on in it) if this user may. */
  joinRoom(roomId: string): Promise<void> {
    return this.#enter(roomId, windowKeyOfRoom(this.state.live, roomId));
  }

  /** This device's call window closed: the user left the call. */
  leave(callId: string): void {
    this.#apply(windowWasClosed(this.state, callId));
    this.socket.emit('call_leave', { call_id: callId }, () => {});
  }

  dismissNotice(): void {
    this.set({ notice: null });
  }

  // ---- server events ----

  onInvitation(call: IncomingCall): void {
    // A group muted with "calls still ring" turned off shows the call without ringing.
    const audible = callsRing(this.chat.conversation(call.conversation_id));
    this.#apply(invited(this.state, call, this.#me, Date.now(), audible));
  }

  onCallState(event: CallStateEvent): void {
    this.#apply(onCallState(this.state, this.state.outgoing, event, this.#me));
  }

  /** On every (re)connect: the server's whole picture replaces this device's. */
  onSnapshot(calls: CallSummary[]): void {
    this.#apply(onSnapshot(this.state, this.state.outgoing, calls, this.#me));
  }

  /** A call of one of the user's conversations changed (anyone's call, whether this user is in it or not). */
  onCallUpdated(call: CallSummary): void {
    this.#apply(onCallUpdated(this.state, call, this.#me, desktop() !== undefined));
  }

  dispose(): void {
    this.#bar.dispose();
    for (const unsubscribe of this.#unsubscribe) unsubscribe();
    this.windows.dispose();
    stopRinging();
  }

  // ---- performing steps ----

  #apply({ state, effects }: CallStep): void {
    const { incoming, inCall, live }: StepState = state;
    this.set({ incoming, inCall, live });
    for (const effect of effects) this.#perform(effect);
  }

  #perform(effect: CallEffect): void {
    switch (effect.type) {
      case 'ring':
        this.#invitations.set(effect.call.call_id, effect.call);
        ringFor(effect.call);
        break;
      case 'silence':
        silence(effect.callId, effect.wasRinging, effect.anyLeft);
        break;
      case 'close-window':
        this.windows.close(effect.callId);
        break;
      case 'settle-outgoing':
        this.#bar.settle(effect.phase, effect.patch);
        break;
      case 'show-outgoing':
        this.#bar.show(effect.outgoing);
        break;
    }
  }

  /** Gets this user's token for a room and opens (or focuses) its window, keyed by `callId`. */
  async #enter(roomId: string, callId: string): Promise<void> {
    try {
      const join = await this.api.request('POST /rooms/:room_id/join', {
        params: { room_id: roomId },
      });
      await this.#openRoom(join.room_url, callId);
    } catch (err) {
      this.set({ notice: { text: explainError(err) } });
    }
  }

  async #openRoom(roomUrl: string, callId: string, reserved?: Window | null): Promise<void> {
    const opened = await this.windows.open(roomUrl, callId, reserved).catch(() => false);
    if (opened) {
      this.#apply(entered(this.state, callId));
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

  /** The one-call rule: in another call, ask "Leave the current call and join?" before `proceed`. */
  async #guarded(targetCallId: string | undefined, proceed: () => Promise<void>): Promise<void> {
    const leave = otherCallsOf(this.state.live, this.#me, targetCallId);
    if (leave.length === 0) return proceed();
    this.set({ confirm: { leave, proceed } });
  }

  #emit<E extends ClientEventName>(event: E, payload: ClientPayload<E>) {
    return emitWithAck(this.socket, event, payload);
  }
}
