import type { FastifyReply, FastifyRequest } from 'fastify'
import { forbidden } from '../../core/errors.js'
import { caller } from '../auth/authenticate.js'

/** A route precondition: a preParsing hook, listed after the one that signs the caller in. */
export type Precondition = (request: FastifyRequest, reply: FastifyReply) => Promise<void>

/**
 * IDENTITY_REQUIRED as a precondition: `preParsing: [auth.requireUser, requireIdentity]`. It runs
 * before the body is read, so a person who has not verified their identity hears that first, before
 * any other rule of the route (validation included). With IDENTITY_REQUIRED=false it lets everyone by.
 */
export function identityGate(required: boolean): Precondition {
  return async (request) => {
    if (required && !caller(request).identityVerified) {
      throw forbidden(
        'IDENTITY_REQUIRED',
        'Verify your identity first (본인인증: POST /me/identity-verification/start)',
      )
    }
  }
}
