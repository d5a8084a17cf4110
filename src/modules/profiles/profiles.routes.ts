import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { authErrors } from '../../core/http/schemas.js'
import { type Authenticator, caller, tokenSubject } from '../auth/authenticate.js'
import { MeResponse, Preferences, PreferencesInput, Profile, ProfileInput } from './profiles.schemas.js'
import type { ProfileService } from './profiles.service.js'

export const profileRoutes: FastifyPluginAsyncTypebox<{
  profiles: ProfileService
  auth: Authenticator
}> = async (app, { profiles, auth }) => {
  const security = [{ bearerAuth: [] }]

  app.get(
    '/me',
    {
      // The caller's row is read with the rest (one round trip) and admitted before the answer.
      preParsing: auth.requireToken,
      schema: {
        tags: ['me'],
        summary: 'The signed-in user with their profile and preferences (null until saved)',
        security,
        response: { 200: MeResponse, ...authErrors() },
      },
    },
    async (request) => profiles.me(tokenSubject(request), auth.admitter(request)),
  )

  app.put(
    '/profile',
    {
      preParsing: auth.requireUser,
      schema: {
        tags: ['me'],
        summary: "Save or replace the caller's profile",
        security,
        body: ProfileInput,
        response: {
          200: Profile,
          ...authErrors({ 400: ['UNDERAGE', 'INVALID_CONTACT', 'PHOTO_NOT_OWNED', 'IDENTITY_LOCKED'] }),
        },
      },
    },
    async (request) => profiles.saveProfile(caller(request), request.body),
  )

  app.put(
    '/preferences',
    {
      preParsing: auth.requireUser,
      schema: {
        tags: ['me'],
        summary: "Save or replace the caller's preferences",
        security,
        body: PreferencesInput,
        response: { 200: Preferences, ...authErrors({ 400: ['INVALID_AGE_RANGE'] }) },
      },
    },
    async (request) => profiles.savePreferences(caller(request), request.body),
  )
}
