import { type Static, type TSchema, Type } from 'typebox';
import { AttachmentLimitsSchema, AttachmentParams, Binary, UploadHeaders } from './attachments.js';
import { ChangePasswordBody, LoginBody, RegisterBody } from './auth.js';
import {
  ConversationParams,
  ConversationReadSchema,
  ConversationSchema,
  ConversationSummarySchema,
  CreateConversationBody,
  MessageSchema,
  MessagesQuery,
  ReadBody,
  SendMessageBody,
} from './chat.js';
import { errorResponses, NoContent } from './common.js';
import { ContactRequestSchema } from './contact-requests.js';
import { EditMessageBody, MessageParams } from './message-edits.js';
import { ConversationMuteSchema, MuteBody } from './mute.js';
import { RefreshBody, RefreshReply, SignedInReply } from './refresh.js';
import { CreateRoomBody, JoinReply, LeaveRoomBody, RoomParams, RoomSchema } from './rooms.js';
import { UserParams, UserSchema, UserSearchQuery, UserSearchResultSchema } from './users.js';

/** One HTTP route: the schemas Fastify validates and serializes with, and clients type their calls by. */
export interface RouteSchema {
  params?: TSchema;
  querystring?: TSchema;
  headers?: TSchema;
  body?: TSchema;
  response: Record<number, TSchema>;
}

/**
 * Every route of the JSON API of docs/CONTRACT.md, keyed `METHOD /path` below `/api/v1` (API_PREFIX in
 * contract/route-url.ts) with Fastify's `:param` syntax. The backend registers each with these schemas;
 * the web client's `Api` is keyed by the same names.
 */
export const routes = {
  'POST /auth/register': {
    body: RegisterBody,
    response: { 201: SignedInReply, ...errorResponses(400, 409, 429) },
  },
  'POST /auth/login': {
    body: LoginBody,
    response: { 200: SignedInReply, ...errorResponses(400, 401, 429) },
  },
  /** Public: the access token it replaces has usually expired. */
  'POST /auth/refresh': {
    body: RefreshBody,
    response: { 200: RefreshReply, ...errorResponses(400, 401, 429) },
  },
  'GET /contact-requests': { response: { 200: Type.Array(ContactRequestSchema), ...errorResponses(401) } },
  'POST /contact-requests/:id/accept': {
    params: UserParams,
    response: { 204: NoContent, ...errorResponses(400, 401, 404) },
  },
  'POST /contact-requests/:id/decline': {
    params: UserParams,
    response: { 204: NoContent, ...errorResponses(400, 401, 404) },
  },
  'POST /auth/logout': { response: { 204: NoContent, ...errorResponses(401) } },
  'POST /auth/logout-all': { response: { 204: NoContent, ...errorResponses(401) } },
  'POST /auth/password': {
    body: ChangePasswordBody,
    response: { 204: NoContent, ...errorResponses(400, 401, 403, 429) },
  },
  'GET /me': { response: { 200: UserSchema, ...errorResponses(401) } },
  'GET /users': {
    querystring: UserSearchQuery,
    response: { 200: Type.Array(UserSearchResultSchema), ...errorResponses(400, 401) },
  },
  'GET /users/:id': {
    params: UserParams,
    response: { 200: UserSchema, ...errorResponses(400, 401, 404) },
  },
  'GET /blocks': { response: { 200: Type.Array(UserSchema), ...errorResponses(401) } },
  'PUT /blocks/:id': {
    params: UserParams,
    response: { 204: NoContent, ...errorResponses(400, 401, 404) },
  },
  'DELETE /blocks/:id': {
    params: UserParams,
    response: { 204: NoContent, ...errorResponses(400, 401) },
  },
  'POST /conversations': {
    body: CreateConversationBody,
    response: {
      200: ConversationSchema,
      201: ConversationSchema,
      ...errorResponses(400, 401, 403, 404, 429),
    },
  },
  'GET /conversations': {
    response: { 200: Type.Array(ConversationSummarySchema), ...errorResponses(401) },
  },
  'GET /conversations/:id/messages': {
    params: ConversationParams,
    querystring: MessagesQuery,
    response: { 200: Type.Array(MessageSchema), ...errorResponses(400, 401, 403, 404) },
  },
  'POST /conversations/:id/messages': {
    params: ConversationParams,
    body: SendMessageBody,
    response: { 201: MessageSchema, ...errorResponses(400, 401, 403, 404, 429) },
  },
  'POST /conversations/:id/read': {
    params: ConversationParams,
    body: ReadBody,
    response: { 200: ConversationReadSchema, ...errorResponses(400, 401, 403, 404) },
  },
  'PATCH /conversations/:id/messages/:messageId': {
    params: MessageParams,
    body: EditMessageBody,
    response: { 200: MessageSchema, ...errorResponses(400, 401, 403, 404, 409, 429) },
  },
  'DELETE /conversations/:id/messages/:messageId': {
    params: MessageParams,
    response: { 200: MessageSchema, ...errorResponses(400, 401, 403, 404, 409, 429) },
  },
  /** The body is the file itself (any type), its name and length in headers: see docs/API.md. */
  'POST /conversations/:id/attachments': {
    params: ConversationParams,
    headers: UploadHeaders,
    response: {
      200: MessageSchema,
      201: MessageSchema,
      ...errorResponses(400, 401, 403, 404, 408, 413, 415, 429),
    },
  },
  'GET /attachments/limits': { response: { 200: AttachmentLimitsSchema, ...errorResponses(401) } },
  'GET /attachments/:id': {
    params: AttachmentParams,
    response: { 200: Binary, ...errorResponses(401, 403, 404) },
  },
  'GET /attachments/:id/thumbnail': {
    params: AttachmentParams,
    response: { 200: Binary, ...errorResponses(401, 403, 404) },
  },
  'PUT /conversations/:id/mute': {
    params: ConversationParams,
    body: MuteBody,
    response: { 200: ConversationMuteSchema, ...errorResponses(400, 401, 403, 404) },
  },
  'DELETE /conversations/:id/mute': {
    params: ConversationParams,
    response: { 200: ConversationMuteSchema, ...errorResponses(400, 401, 403, 404) },
  },
  'POST /rooms/create': {
    body: CreateRoomBody,
    response: { 201: RoomSchema, ...errorResponses(400, 401, 403, 404, 409, 429) },
  },
  'POST /rooms/:room_id/join': {
    params: RoomParams,
    response: { 200: JoinReply, ...errorResponses(401, 403, 404, 429, 503) },
  },
} as const satisfies Record<string, RouteSchema>;

/** The routes outside the API, keyed by their full path. */
export const pageRoutes = {
  /** The call room page (HTML); a 404 page for a malformed room id. */
  'GET /room/:room_id': { params: RoomParams, response: { 200: Type.String({ description: 'HTML' }) } },
  /** The room page reports its conference ended; the body may come as sendBeacon text/plain. */
  'POST /room/:room_id/leave': {
    params: RoomParams,
    body: LeaveRoomBody,
    response: { 204: NoContent, ...errorResponses(401, 404, 429) },
  },
  'GET /healthz': { response: { 200: Type.Object({ status: Type.Literal('ok') }) } },
} as const satisfies Record<string, RouteSchema>;

type Routes = typeof routes & typeof pageRoutes;
/** An API route (below `/api/v1`). */
export type RouteName = keyof typeof routes;
/** Any route, in the API or not. */
export type AnyRouteName = keyof Routes;

type SuccessStatus = 200 | 201 | 204;
type Part<R extends AnyRouteName, K extends string> =
  Routes[R] extends Record<K, infer S extends TSchema> ? Static<S> : undefined;

/** What a successful answer to route `R` carries (`void` for 204). */
export type ReplyOf<R extends AnyRouteName> = Routes[R]['response'][Extract<
  keyof Routes[R]['response'],
  SuccessStatus
>] extends infer S extends TSchema
  ? Static<S>
  : never;
export type ParamsOf<R extends AnyRouteName> = Part<R, 'params'>;
export type QueryOf<R extends AnyRouteName> = Part<R, 'querystring'>;
export type BodyOf<R extends AnyRouteName> = Part<R, 'body'>;

type Defined<T> = { [K in keyof T as T[K] extends undefined ? never : K]: T[K] };
/** What a request to route `R` carries: path parameters, query and body, each only where `R` has one. */
export type RequestOf<R extends AnyRouteName> = Defined<{
  params: ParamsOf<R>;
  query: QueryOf<R>;
  body: BodyOf<R>;
}>;
