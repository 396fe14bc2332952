import { type Static, Type } from 'typebox';
import { DisplayName, UserSchema } from './users.js';

export const Username = Type.String({
  minLength: 3,
  maxLength: 32,
  pattern: '^[A-Za-z0-9_.-]+$',
  description: 'letters, digits, "_", "." and "-"; stored in lowercase',
});
export const Password = Type.String({ minLength: 8, maxLength: 200 });

export const RegisterBody = Type.Object(
  { username: Username, password: Password, display_name: DisplayName },
  { additionalProperties: false },
);
export const LoginBody = Type.Object(
  {
    username: Type.String({ minLength: 1, maxLength: 64 }),
    password: Type.String({ minLength: 1, maxLength: 200 }),
  },
  { additionalProperties: false },
);
export const ChangePasswordBody = Type.Object(
  { current_password: Type.String({ minLength: 1, maxLength: 200 }), new_password: Password },
  { additionalProperties: false },
);
export const AuthReply = Type.Object({ access_token: Type.String(), user: UserSchema });
export type AuthReply = Static<typeof AuthReply>;
