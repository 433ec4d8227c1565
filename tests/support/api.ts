// A typed Directus SDK client for the test stack, and a way to assert a refusal's words.
import { authentication, createDirectus, rest, type RestClient, type AuthenticationClient } from '@directus/sdk';
import { expect } from 'vitest';
import type { Schema } from '../../extensions/race-control/src/domain/schema.generated.ts';
import { baseUrl, stackEnv } from './stack.ts';

export type Client = RestClient<Schema> & AuthenticationClient<Schema>;

export async function signIn(email = stackEnv().ADMIN_EMAIL, password = stackEnv().ADMIN_PASSWORD): Promise<Client> {
  const client = createDirectus<Schema>(baseUrl()).with(authentication('json')).with(rest());
  await client.login({ email, password });
  return client;
}

interface SdkError {
  errors?: { message: string; extensions?: { code?: string } }[];
  response?: Response;
}

/** Awaits a request that must be refused with HTTP 400 and a message matching `words`. */
export async function expectRefusal(request: Promise<unknown>, words: RegExp): Promise<string> {
  let error: SdkError | undefined;
  try {
    await request;
  } catch (e) {
    error = e as SdkError;
  }
  expect(error, 'the request was accepted but should have been refused').toBeDefined();
  const message = error!.errors?.[0]?.message ?? String(error);
  expect(message).toMatch(words);
  expect(error!.response?.status).toBe(400);
  return message;
}
