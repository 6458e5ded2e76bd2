// Types of the API contract, from the generated schema.gen.ts (`npm run api:generate` rebuilds it from the
// server's OpenAPI document). The web app never imports the server's files: what it knows of the API is this.
import type { components, operations } from './schema.gen.ts';

export type { components, operations, paths } from './schema.gen.ts';

/** The named shapes of the document (components.schemas): Person, Episode, Dossier, Problem… */
export type Schemas = components['schemas'];

type SuccessOf<R> = R extends { 200: infer A } ? A : R extends { 201: infer A } ? A : never;

/** The JSON body of an operation's success answer (200, else 201), by its operationId. */
export type ResponseOf<Op extends keyof operations> =
  SuccessOf<operations[Op]['responses']> extends { content: { 'application/json': infer B } } ? B : never;

/** The JSON body an operation takes, by its operationId. */
export type BodyOf<Op extends keyof operations> = operations[Op] extends {
  requestBody: { content: { 'application/json': infer B } };
}
  ? B
  : never;

/** The application/problem+json body of every error answer. */
export type Problem = Schemas['Problem'];
