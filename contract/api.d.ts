/**
 * SHH Match API types for the front end, generated from openapi.json by `npm run openapi`.
 * Do not edit by hand.
 */

export interface paths {
    "/livez": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The process is running */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "ok";
                        };
                    };
                };
                /** @description Rate limit exceeded (see `Retry-After`) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "RATE_LIMITED";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Unexpected server error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "INTERNAL_ERROR";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description A dependency (the database, Kakao, PortOne) is unavailable; retry shortly */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "DATABASE_UNAVAILABLE";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/healthz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The database answers (503 while it does not) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "ok";
                        };
                    };
                };
                /** @description Rate limit exceeded (see `Retry-After`) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "RATE_LIMITED";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Unexpected server error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "INTERNAL_ERROR";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description A dependency (the database, Kakao, PortOne) is unavailable; retry shortly */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "DATABASE_UNAVAILABLE";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/readyz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The database answers and every committed migration is applied */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "ok";
                        };
                    };
                };
                /** @description Rate limit exceeded (see `Retry-After`) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "RATE_LIMITED";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Unexpected server error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "INTERNAL_ERROR";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description A dependency (the database, Kakao, PortOne) is unavailable; retry shortly */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "DATABASE_UNAVAILABLE" | "MIGRATIONS_PENDING";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Prometheus metrics (Bearer METRICS_TOKEN, or an admin token) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Prometheus text exposition format */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/plain": string;
                    };
                };
                /** @description Missing, invalid, expired or revoked token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "AUTH_REQUIRED" | "INVALID_TOKEN" | "TOKEN_EXPIRED" | "TOKEN_REVOKED";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Authenticated but not allowed (banned, not an admin, consent or identity missing, under age) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "ADMIN_ONLY" | "USER_BANNED";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Rate limit exceeded (see `Retry-After`) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "RATE_LIMITED";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Unexpected server error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "INTERNAL_ERROR";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description A dependency (the database, Kakao, PortOne) is unavailable; retry shortly */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "DATABASE_UNAVAILABLE";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/sync-kakao": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign in with Kakao: verify the Kakao ID token, upsert the user, issue our JWT */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description SYNC_SHARED_SECRET, sent by the Next.js server only */
                    "x-sync-secret"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Kakao OpenID Connect ID token */
                        idToken: string;
                        /** @description If sent, must equal the token subject */
                        kakaoUserId?: string;
                        /** @description Accepted for compatibility; not stored */
                        email?: string;
                        /** @description Accepted for compatibility; not stored */
                        nickname?: string;
                    } | {
                        /** @description Kakao user id, trusted as sent */
                        kakaoUserId: string;
                        /** @description Send the ID token in the other form of this body */
                        idToken?: unknown;
                        /** @description Accepted for compatibility; not stored */
                        email?: string;
                        /** @description Accepted for compatibility; not stored */
                        nickname?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Bearer token for every protected route */
                            jwt: string;
                            /**
                             * Format: date-time
                             * @description When `jwt` expires (JWT_EXPIRE_MINUTES after sign-in); sign in again after it
                             */
                            expiresAt: string;
                            /** @description The signed-in user (SPEC §4.1) */
                            user: {
                                /** Format: uuid */
                                id: string;
                                kakaoUserId: string;
                                /** @enum {unknown} */
                                role: "user" | "admin";
                                /** @description Identity verification (본인인증) gave a mobile number */
                                phoneVerified: boolean;
                                /** @description Proved who they are (본인인증) */
                                identityVerified: boolean;
                                /** Format: date-time */
                                identityVerifiedAt: string | null;
                                banned: boolean;
                                /** Format: date-time */
                                createdAt: string;
                            };
                        };
                    };
                };
                /** @description Invalid input (validation details in `error.details`) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "BAD_REQUEST" | "ID_TOKEN_REQUIRED" | "KAKAO_USER_ID_REQUIRED" | "VALIDATION_ERROR";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Missing, invalid, expired or revoked token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "ID_TOKEN_EXPIRED" | "ID_TOKEN_REPLAYED" | "INVALID_ID_TOKEN" | "INVALID_SYNC_SECRET" | "KAKAO_ID_MISMATCH";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Authenticated but not allowed (banned, not an admin, consent or identity missing, under age) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "USER_BANNED";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Request body too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "PAYLOAD_TOO_LARGE";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Unsupported content type */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "UNSUPPORTED_MEDIA_TYPE";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Rate limit exceeded (see `Retry-After`) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "RATE_LIMITED";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Unexpected server error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "INTERNAL_ERROR";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description A dependency (the database, Kakao, PortOne) is unavailable; retry shortly */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "DATABASE_UNAVAILABLE" | "KAKAO_UNAVAILABLE";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign out everywhere: every token issued to you so far stops working */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Signed out */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Invalid input (validation details in `error.details`) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "BAD_REQUEST";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Missing, invalid, expired or revoked token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "AUTH_REQUIRED" | "INVALID_TOKEN" | "TOKEN_EXPIRED" | "TOKEN_REVOKED";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Request body too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "PAYLOAD_TOO_LARGE";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Unsupported content type */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "UNSUPPORTED_MEDIA_TYPE";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Rate limit exceeded (see `Retry-After`) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "RATE_LIMITED";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Unexpected server error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "INTERNAL_ERROR";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description A dependency (the database, Kakao, PortOne) is unavailable; retry shortly */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "DATABASE_UNAVAILABLE";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The signed-in user with their profile and preferences (null until saved) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description IDENTITY_REQUIRED: until user.identityVerified, no list, no likes, no payments (prompt for 본인인증) */
                            identityRequired: boolean;
                            /** @description The signed-in user (SPEC §4.1) */
                            user: {
                                /** Format: uuid */
                                id: string;
                                kakaoUserId: string;
                                /** @enum {unknown} */
                                role: "user" | "admin";
                                /** @description Identity verification (본인인증) gave a mobile number */
                                phoneVerified: boolean;
                                /** @description Proved who they are (본인인증) */
                                identityVerified: boolean;
                                /** Format: date-time */
                                identityVerifiedAt: string | null;
                                banned: boolean;
                                /** Format: date-time */
                                createdAt: string;
                            };
                            /** @description The owner's own profile, every field */
                            profile: {
                                /** Format: uuid */
                                userId: string;
                                nickname: string;
                                /** @enum {unknown} */
                                gender: "M" | "F";
                                birthYear: number;
                                /** @description Korean year age: this year (KST) − birthYear */
                                age: number;
                                height: number | null;
                                region: string | null;
                                job: string | null;
                                intro: string | null;
                                /** @description Your photos (pending ones too, not rejected ones) in order; GET /photos has their status */
                                photos: string[];
                                visible: {
                                    age: boolean;
                                    height: boolean;
                                    region: boolean;
                                    job: boolean;
                                    intro: boolean;
                                };
                                contact: string | null;
                                /** Format: date-time */
                                updatedAt: string;
                            } | null;
                            preferences: {
                                /** @enum {unknown} */
                                targetGender: "M" | "F";
                                ageMin: number;
                                ageMax: number;
                                regions: string[];
                                keywords: string[];
                                /** Format: date-time */
                                updatedAt: string;
                            } | null;
                            /** @description What is accepted now (null: never accepted, or withdrawn) */
                            consents: {
                                terms: {
                                    version: string;
                                    /** Format: date-time */
                                    acceptedAt: string;
                                } | null;
                                privacy: {
                                    version: string;
                                    /** Format: date-time */
                                    acceptedAt: string;
                                } | null;
                                refund: {
                                    version: string;
                                    /** Format: date-time */
                                    acceptedAt: string;
                                } | null;
                                adult: {
                                    version: string;
                                    /** Format: date-time */
                                    acceptedAt: string;
                                } | null;
                                contactShare: {
                                    version: string;
                                    /** Format: date-time */
                                    acceptedAt: string;
                                } | null;
                            };
                            /** @description Documents whose current version (CONSENT_VERSIONS) you have not accepted: accept them with PUT /me/consents. Until then you are not recommended and cannot like (terms, privacy, adult) or pay (also refund). */
                            consentsMissing: {
                                type: "terms" | "privacy" | "refund" | "adult";
                                /** @example 2026-11 */
                                version: string;
                            }[];
                            /** @description The caller's settings */
                            settings: {
                                /** @description Notifications outside the app (Kakao 알림톡, or SMS when it cannot be delivered) to the verified phone number: only "SHH Match: 새 소식이 있어요" and a link, never a name. Default on. */
                                notifyExternal: boolean;
                            };
                        };
                    };
                };
                /** @description Missing, invalid, expired or revoked token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "AUTH_REQUIRED" | "INVALID_TOKEN" | "TOKEN_EXPIRED" | "TOKEN_REVOKED";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Authenticated but not allowed (banned, not an admin, consent or identity missing, under age) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "USER_BANNED";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Rate limit exceeded (see `Retry-After`) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "RATE_LIMITED";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Unexpected server error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "INTERNAL_ERROR";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description A dependency (the database, Kakao, PortOne) is unavailable; retry shortly */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "DATABASE_UNAVAILABLE";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Delete your account: personal data erased, matches closed; payment records are kept (5 years) without your identity */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Deleted */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Invalid input (validation details in `error.details`) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "BAD_REQUEST";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Missing, invalid, expired or revoked token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "AUTH_REQUIRED" | "INVALID_TOKEN" | "TOKEN_EXPIRED" | "TOKEN_REVOKED";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Request body too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "PAYLOAD_TOO_LARGE";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Unsupported content type */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "UNSUPPORTED_MEDIA_TYPE";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Rate limit exceeded (see `Retry-After`) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "RATE_LIMITED";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Unexpected server error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "INTERNAL_ERROR";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description A dependency (the database, Kakao, PortOne) is unavailable; retry shortly */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "DATABASE_UNAVAILABLE";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/profile": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Save or replace the caller's profile */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        nickname: string;
                        /**
                         * @description Once identity is verified, the verified one
                         * @enum {unknown}
                         */
                        gender: "M" | "F";
                        /** @description Adults only: this year − birthYear ≥ 19. Once identity is verified, the verified one */
                        birthYear: number;
                        /** @description cm */
                        height?: number | null;
                        region?: ("서울" | "부산" | "대구" | "인천" | "광주" | "대전" | "울산" | "세종" | "경기" | "강원" | "충북" | "충남" | "전북" | "전남" | "경북" | "경남" | "제주") | (never | null);
                        job?: string | null;
                        intro?: string | null;
                        /** @description Left out: the photos stay as they are. Given: URLs of your own photos (POST /photos) in the order wanted (others follow); any other URL is 400 PHOTO_NOT_OWNED */
                        photos?: string[];
                        /** @description Which fields others may see. Missing keys take the defaults (height hidden, the rest shown). */
                        visible?: {
                            age?: boolean;
                            height?: boolean;
                            region?: boolean;
                            job?: boolean;
                            intro?: boolean;
                        };
                        /** @description A Korean mobile number (stored as digits) or a Kakao open-chat link (https://open.kakao.com/…). Stored encrypted; shown only to you and, with your contactShare consent, to the other person of an active match. */
                        contact?: string | null;
                    };
                };
            };
            responses: {
                /** @description The owner's own profile, every field */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            userId: string;
                            nickname: string;
                            /** @enum {unknown} */
                            gender: "M" | "F";
                            birthYear: number;
                            /** @description Korean year age: this year (KST) − birthYear */
                            age: number;
                            height: number | null;
                            region: string | null;
                            job: string | null;
                            intro: string | null;
                            /** @description Your photos (pending ones too, not rejected ones) in order; GET /photos has their status */
                            photos: string[];
                            visible: {
                                age: boolean;
                                height: boolean;
                                region: boolean;
                                job: boolean;
                                intro: boolean;
                            };
                            contact: string | null;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
                /** @description Invalid input (validation details in `error.details`) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "BAD_REQUEST" | "IDENTITY_LOCKED" | "INVALID_CONTACT" | "PHOTO_NOT_OWNED" | "UNDERAGE" | "VALIDATION_ERROR";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Missing, invalid, expired or revoked token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "AUTH_REQUIRED" | "INVALID_TOKEN" | "TOKEN_EXPIRED" | "TOKEN_REVOKED";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Authenticated but not allowed (banned, not an admin, consent or identity missing, under age) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "USER_BANNED";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Request body too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "PAYLOAD_TOO_LARGE";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Unsupported content type */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "UNSUPPORTED_MEDIA_TYPE";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Rate limit exceeded (see `Retry-After`) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "RATE_LIMITED";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Unexpected server error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "INTERNAL_ERROR";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description A dependency (the database, Kakao, PortOne) is unavailable; retry shortly */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "DATABASE_UNAVAILABLE";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/preferences": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Save or replace the caller's preferences */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {unknown} */
                        targetGender: "M" | "F";
                        ageMin: number;
                        ageMax: number;
                        /** @description Empty: anywhere */
                        regions?: ("서울" | "부산" | "대구" | "인천" | "광주" | "대전" | "울산" | "세종" | "경기" | "강원" | "충북" | "충남" | "전북" | "전남" | "경북" | "경남" | "제주")[];
                        /** @description Interests, up to 10 */
                        keywords?: string[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            targetGender: "M" | "F";
                            ageMin: number;
                            ageMax: number;
                            regions: string[];
                            keywords: string[];
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
                /** @description Invalid input (validation details in `error.details`) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "BAD_REQUEST" | "INVALID_AGE_RANGE" | "VALIDATION_ERROR";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Missing, invalid, expired or revoked token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "AUTH_REQUIRED" | "INVALID_TOKEN" | "TOKEN_EXPIRED" | "TOKEN_REVOKED";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Authenticated but not allowed (banned, not an admin, consent or identity missing, under age) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "USER_BANNED";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Request body too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "PAYLOAD_TOO_LARGE";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Unsupported content type */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "UNSUPPORTED_MEDIA_TYPE";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Rate limit exceeded (see `Retry-After`) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "RATE_LIMITED";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Unexpected server error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "INTERNAL_ERROR";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description A dependency (the database, Kakao, PortOne) is unavailable; retry shortly */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "DATABASE_UNAVAILABLE";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/photos/uploads": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Start a photo upload: a pre-signed PUT (10 minutes) for one JPEG, PNG or WebP of at most PHOTO_MAX_BYTES; at most 3 open at once */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * @description The file's type. HEIC is not accepted (iPhones convert photos to JPEG when a browser uploads them).
                         * @enum {unknown}
                         */
                        contentType: "image/jpeg" | "image/png" | "image/webp";
                        /** @description Bytes; at most PHOTO_MAX_BYTES (default 10 MiB) */
                        size: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            uploadId: string;
                            /** @description Send the file here (absolute for S3/R2; root-relative, on the API, for local storage): the URL is pre-signed */
                            url: string;
                            /** @enum {string} */
                            method: "PUT";
                            /** @description Send exactly these headers. Content-Length is signed too: the body must be exactly `size` bytes (browsers set it from the file). */
                            headers: {
                                [key: string]: string;
                            };
                            /** Format: date-time */
                            expiresAt: string;
                        };
                    };
                };
                /** @description Invalid input (validation details in `error.details`) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "BAD_REQUEST" | "VALIDATION_ERROR";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Missing, invalid, expired or revoked token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "AUTH_REQUIRED" | "INVALID_TOKEN" | "TOKEN_EXPIRED" | "TOKEN_REVOKED";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Authenticated but not allowed (banned, not an admin, consent or identity missing, under age) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "USER_BANNED";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Request body too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "PAYLOAD_TOO_LARGE";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Unsupported content type */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "UNSUPPORTED_MEDIA_TYPE";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Rate limit exceeded (see `Retry-After`) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "RATE_LIMITED";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Unexpected server error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "INTERNAL_ERROR";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description A dependency (the database, Kakao, PortOne) is unavailable; retry shortly */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "DATABASE_UNAVAILABLE" | "STORAGE_UNAVAILABLE";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/photos": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your photos in order, with their moderation status */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** @description WebP, at most 1440 px on its long side; null once rejected */
                            url: string | null;
                            /** @description WebP, at most 360 px; null once rejected */
                            thumbUrl: string | null;
                            width: number;
                            height: number;
                            /** @enum {unknown} */
                            status: "pending" | "approved" | "rejected";
                            rejectionReason: string | null;
                            /** Format: date-time */
                            createdAt: string;
                        }[];
                    };
                };
                /** @description Missing, invalid, expired or revoked token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "AUTH_REQUIRED" | "INVALID_TOKEN" | "TOKEN_EXPIRED" | "TOKEN_REVOKED";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Authenticated but not allowed (banned, not an admin, consent or identity missing, under age) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "USER_BANNED";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Rate limit exceeded (see `Retry-After`) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "RATE_LIMITED";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Unexpected server error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "INTERNAL_ERROR";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description A dependency (the database, Kakao, PortOne) is unavailable; retry shortly */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "DATABASE_UNAVAILABLE";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        /** Turn your upload into a photo: checked by its content, upright, metadata (GPS) stripped, resized, watermarked, WebP */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: uuid */
                        uploadId: string;
                    };
                };
            };
            responses: {
                /** @description One of your photos. Others see it once approved (PHOTO_MODERATION=pre) or until rejected (post). */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** @description WebP, at most 1440 px on its long side; null once rejected */
                            url: string | null;
                            /** @description WebP, at most 360 px; null once rejected */
                            thumbUrl: string | null;
                            width: number;
                            height: number;
                            /** @enum {unknown} */
                            status: "pending" | "approved" | "rejected";
                            rejectionReason: string | null;
                            /** Format: date-time */
                            createdAt: string;
                        };
                    };
                };
                /** @description Invalid input (validation details in `error.details`) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "BAD_REQUEST" | "INVALID_PHOTO" | "VALIDATION_ERROR";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Missing, invalid, expired or revoked token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "AUTH_REQUIRED" | "INVALID_TOKEN" | "TOKEN_EXPIRED" | "TOKEN_REVOKED";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Authenticated but not allowed (banned, not an admin, consent or identity missing, under age) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "USER_BANNED";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Not found, or not yours */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "UPLOAD_NOT_FOUND";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Conflicts with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "UPLOAD_NOT_RECEIVED";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Request body too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "PAYLOAD_TOO_LARGE";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Unsupported content type */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "UNSUPPORTED_MEDIA_TYPE";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Rate limit exceeded (see `Retry-After`) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "RATE_LIMITED";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Unexpected server error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "INTERNAL_ERROR";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description A dependency (the database, Kakao, PortOne) is unavailable; retry shortly */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "DATABASE_UNAVAILABLE" | "STORAGE_UNAVAILABLE";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/photos/order": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Reorder your photos (those not listed follow in their order) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Your photos in the order wanted; photos not listed keep their order after these */
                        ids: string[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** @description WebP, at most 1440 px on its long side; null once rejected */
                            url: string | null;
                            /** @description WebP, at most 360 px; null once rejected */
                            thumbUrl: string | null;
                            width: number;
                            height: number;
                            /** @enum {unknown} */
                            status: "pending" | "approved" | "rejected";
                            rejectionReason: string | null;
                            /** Format: date-time */
                            createdAt: string;
                        }[];
                    };
                };
                /** @description Invalid input (validation details in `error.details`) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "BAD_REQUEST" | "PHOTO_NOT_OWNED" | "VALIDATION_ERROR";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Missing, invalid, expired or revoked token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "AUTH_REQUIRED" | "INVALID_TOKEN" | "TOKEN_EXPIRED" | "TOKEN_REVOKED";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Authenticated but not allowed (banned, not an admin, consent or identity missing, under age) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "USER_BANNED";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Request body too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "PAYLOAD_TOO_LARGE";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Unsupported content type */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "UNSUPPORTED_MEDIA_TYPE";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Rate limit exceeded (see `Retry-After`) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "RATE_LIMITED";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Unexpected server error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "INTERNAL_ERROR";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description A dependency (the database, Kakao, PortOne) is unavailable; retry shortly */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "DATABASE_UNAVAILABLE";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/photos/{photoId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete one of your photos and its files */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    photoId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Deleted */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Invalid input (validation details in `error.details`) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "BAD_REQUEST" | "BAD_URL" | "VALIDATION_ERROR";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Missing, invalid, expired or revoked token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "AUTH_REQUIRED" | "INVALID_TOKEN" | "TOKEN_EXPIRED" | "TOKEN_REVOKED";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Authenticated but not allowed (banned, not an admin, consent or identity missing, under age) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "USER_BANNED";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Not found, or not yours */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "PHOTO_NOT_FOUND";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Request body too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "PAYLOAD_TOO_LARGE";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Request URL too long */
                414: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "URI_TOO_LONG";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Unsupported content type */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "UNSUPPORTED_MEDIA_TYPE";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Rate limit exceeded (see `Retry-After`) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "RATE_LIMITED";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Unexpected server error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "INTERNAL_ERROR";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description A dependency (the database, Kakao, PortOne) is unavailable; retry shortly */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "DATABASE_UNAVAILABLE";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/photos": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Photos by status (default pending: the moderation queue), oldest first, with owner and thumbnail */
        get: {
            parameters: {
                query?: {
                    status?: "pending" | "approved" | "rejected";
                    page?: number;
                    pageSize?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** Format: uuid */
                                id: string;
                                /** Format: uuid */
                                ownerId: string;
                                /** @enum {unknown} */
                                status: "pending" | "approved" | "rejected";
                                url: string | null;
                                thumbUrl: string | null;
                                width: number;
                                height: number;
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                moderatedAt: string | null;
                                /** Format: uuid */
                                moderatedBy: string | null;
                                rejectionReason: string | null;
                            }[];
                            page: number;
                            pageSize: number;
                            total: number;
                        };
                    };
                };
                /** @description Invalid input (validation details in `error.details`) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "VALIDATION_ERROR";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Missing, invalid, expired or revoked token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "AUTH_REQUIRED" | "INVALID_TOKEN" | "TOKEN_EXPIRED" | "TOKEN_REVOKED";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Authenticated but not allowed (banned, not an admin, consent or identity missing, under age) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "ADMIN_ONLY" | "USER_BANNED";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Rate limit exceeded (see `Retry-After`) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "RATE_LIMITED";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Unexpected server error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "INTERNAL_ERROR";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description A dependency (the database, Kakao, PortOne) is unavailable; retry shortly */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "DATABASE_UNAVAILABLE";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/photos/{photoId}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Approve a pending photo (audited) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    photoId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            ownerId: string;
                            /** @enum {unknown} */
                            status: "pending" | "approved" | "rejected";
                            url: string | null;
                            thumbUrl: string | null;
                            width: number;
                            height: number;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            moderatedAt: string | null;
                            /** Format: uuid */
                            moderatedBy: string | null;
                            rejectionReason: string | null;
                        };
                    };
                };
                /** @description Invalid input (validation details in `error.details`) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "BAD_REQUEST" | "BAD_URL" | "VALIDATION_ERROR";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Missing, invalid, expired or revoked token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "AUTH_REQUIRED" | "INVALID_TOKEN" | "TOKEN_EXPIRED" | "TOKEN_REVOKED";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Authenticated but not allowed (banned, not an admin, consent or identity missing, under age) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "ADMIN_ONLY" | "USER_BANNED";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Not found, or not yours */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "PHOTO_NOT_FOUND";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Conflicts with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "PHOTO_NOT_PENDING";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Request body too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "PAYLOAD_TOO_LARGE";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Request URL too long */
                414: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "URI_TOO_LONG";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Unsupported content type */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "UNSUPPORTED_MEDIA_TYPE";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Rate limit exceeded (see `Retry-After`) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "RATE_LIMITED";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Unexpected server error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "INTERNAL_ERROR";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description A dependency (the database, Kakao, PortOne) is unavailable; retry shortly */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "DATABASE_UNAVAILABLE";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/photos/{photoId}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reject a photo: hidden at once, its files deleted (purge a CDN: README) (audited) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    photoId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Shown to the owner */
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            ownerId: string;
                            /** @enum {unknown} */
                            status: "pending" | "approved" | "rejected";
                            url: string | null;
                            thumbUrl: string | null;
                            width: number;
                            height: number;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            moderatedAt: string | null;
                            /** Format: uuid */
                            moderatedBy: string | null;
                            rejectionReason: string | null;
                        };
                    };
                };
                /** @description Invalid input (validation details in `error.details`) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "BAD_REQUEST" | "BAD_URL" | "VALIDATION_ERROR";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Missing, invalid, expired or revoked token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "AUTH_REQUIRED" | "INVALID_TOKEN" | "TOKEN_EXPIRED" | "TOKEN_REVOKED";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Authenticated but not allowed (banned, not an admin, consent or identity missing, under age) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "ADMIN_ONLY" | "USER_BANNED";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Not found, or not yours */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "PHOTO_NOT_FOUND";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Conflicts with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "PHOTO_NOT_PENDING";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Request body too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "PAYLOAD_TOO_LARGE";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Request URL too long */
                414: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "URI_TOO_LONG";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Unsupported content type */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "UNSUPPORTED_MEDIA_TYPE";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Rate limit exceeded (see `Retry-After`) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "RATE_LIMITED";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Unexpected server error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "INTERNAL_ERROR";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description A dependency (the database, Kakao, PortOne) is unavailable; retry shortly */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "DATABASE_UNAVAILABLE";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/media/uploads/{uploadId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Local storage only: the pre-signed PUT of POST /photos/uploads (send the URL exactly as returned, with its headers) */
        put: {
            parameters: {
                query: {
                    user: string;
                    contentType: string;
                    size: number;
                    expires: number;
                    signature: string;
                };
                header?: never;
                path: {
                    uploadId: string;
                };
                cookie?: never;
            };
            /** @description The file, exactly `size` bytes of the signed type */
            requestBody: {
                content: {
                    "image/jpeg": string;
                    "image/png": string;
                    "image/webp": string;
                };
            };
            responses: {
                /** @description Stored */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Invalid input (validation details in `error.details`) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "BAD_REQUEST" | "BAD_URL" | "UPLOAD_SIZE_MISMATCH" | "UPLOAD_TYPE_MISMATCH" | "VALIDATION_ERROR";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Authenticated but not allowed (banned, not an admin, consent or identity missing, under age) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "UPLOAD_URL_EXPIRED" | "UPLOAD_URL_INVALID";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Request body too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "PAYLOAD_TOO_LARGE";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Request URL too long */
                414: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "URI_TOO_LONG";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Unsupported content type */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "UNSUPPORTED_MEDIA_TYPE";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Rate limit exceeded (see `Retry-After`) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "RATE_LIMITED";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Unexpected server error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "INTERNAL_ERROR";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description A dependency (the database, Kakao, PortOne) is unavailable; retry shortly */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "DATABASE_UNAVAILABLE";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/me/consents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Record the documents accepted (terms, privacy, refund, adult, contactShare); kept as history */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            /** @description The version of each document accepted. `contactShare: null` withdraws the consent to reveal your contact to an active match; the others are withdrawn by deleting the account. */
            requestBody?: {
                content: {
                    "application/json": {
                        /** @example 2026-11-01 */
                        terms?: string;
                        /** @example 2026-11-01 */
                        privacy?: string;
                        /** @example 2026-11-01 */
                        refund?: string;
                        /** @example 2026-11-01 */
                        adult?: string;
                        /** @example 2026-11-01 */
                        contactShare?: string | null;
                    };
                };
            };
            responses: {
                /** @description What is accepted now (null: never accepted, or withdrawn) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            terms: {
                                version: string;
                                /** Format: date-time */
                                acceptedAt: string;
                            } | null;
                            privacy: {
                                version: string;
                                /** Format: date-time */
                                acceptedAt: string;
                            } | null;
                            refund: {
                                version: string;
                                /** Format: date-time */
                                acceptedAt: string;
                            } | null;
                            adult: {
                                version: string;
                                /** Format: date-time */
                                acceptedAt: string;
                            } | null;
                            contactShare: {
                                version: string;
                                /** Format: date-time */
                                acceptedAt: string;
                            } | null;
                        };
                    };
                };
                /** @description Invalid input (validation details in `error.details`) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "BAD_REQUEST" | "VALIDATION_ERROR";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Missing, invalid, expired or revoked token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "AUTH_REQUIRED" | "INVALID_TOKEN" | "TOKEN_EXPIRED" | "TOKEN_REVOKED";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Authenticated but not allowed (banned, not an admin, consent or identity missing, under age) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "USER_BANNED";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Request body too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "PAYLOAD_TOO_LARGE";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Unsupported content type */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "UNSUPPORTED_MEDIA_TYPE";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Rate limit exceeded (see `Retry-After`) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "RATE_LIMITED";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Unexpected server error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "INTERNAL_ERROR";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description A dependency (the database, Kakao, PortOne) is unavailable; retry shortly */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "DATABASE_UNAVAILABLE";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/me/identity-verification/start": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Start identity verification (본인인증): the values for PortOne's browser SDK; works before a profile exists */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            /** @description Nothing (an empty object or no body) */
            requestBody?: {
                content: {
                    "application/json": Record<string, never>;
                };
            };
            responses: {
                /** @description The three values for PortOne's browser SDK `requestIdentityVerification`; the id is yours alone, valid 30 minutes and usable once */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * @description The id `start` gave you
                             * @example idv-3f1c2e9a-5b7d-4c1e-9f0a-2b6d8e4c7a11
                             */
                            identityVerificationId: string;
                            /** @description PORTONE_STORE_ID */
                            storeId: string;
                            /** @description PORTONE_IDENTITY_CHANNEL_KEY */
                            channelKey: string;
                            /** Format: date-time */
                            expiresAt: string;
                        };
                    };
                };
                /** @description Invalid input (validation details in `error.details`) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "BAD_REQUEST" | "VALIDATION_ERROR";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Missing, invalid, expired or revoked token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "AUTH_REQUIRED" | "INVALID_TOKEN" | "TOKEN_EXPIRED" | "TOKEN_REVOKED";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Authenticated but not allowed (banned, not an admin, consent or identity missing, under age) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "USER_BANNED";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Request body too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "PAYLOAD_TOO_LARGE";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Unsupported content type */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "UNSUPPORTED_MEDIA_TYPE";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Rate limit exceeded (see `Retry-After`) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "RATE_LIMITED";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Unexpected server error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "INTERNAL_ERROR";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description A dependency (the database, Kakao, PortOne) is unavailable; retry shortly */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "DATABASE_UNAVAILABLE" | "IDENTITY_PROVIDER_UNAVAILABLE";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/me/identity-verification/complete": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Finish identity verification: the server reads the result from PortOne (never from the client) and keeps the birth year, gender, phone (encrypted) and a keyed hash of the CI */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * @description The id `start` gave you
                         * @example idv-3f1c2e9a-5b7d-4c1e-9f0a-2b6d8e4c7a11
                         */
                        identityVerificationId: string;
                        /** @description Development only (APP_ENV dev or test with IDENTITY_VERIFY=none): the person PortOne would have verified. Refused (400) with IDENTITY_VERIFY=portone and always in prod. */
                        dev?: {
                            birthYear: number;
                            /** @enum {unknown} */
                            gender: "M" | "F";
                            /** @example 010-1234-5678 */
                            phoneNumber: string;
                            /** @description Who the person is; two accounts with one ci are one person (default: one per account) */
                            ci?: string;
                        };
                    };
                };
            };
            responses: {
                /** @description What the verification proved (the profile takes the birth year and gender) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            identityVerified: true;
                            birthYear: number;
                            /** @enum {unknown} */
                            gender: "M" | "F";
                            phoneVerified: boolean;
                            /** Format: date-time */
                            identityVerifiedAt: string;
                        };
                    };
                };
                /** @description Invalid input (validation details in `error.details`) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "BAD_REQUEST" | "IDENTITY_NOT_VERIFIED" | "VALIDATION_ERROR";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Missing, invalid, expired or revoked token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "AUTH_REQUIRED" | "INVALID_TOKEN" | "TOKEN_EXPIRED" | "TOKEN_REVOKED";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Authenticated but not allowed (banned, not an admin, consent or identity missing, under age) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "UNDERAGE" | "USER_BANNED";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Not found, or not yours */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "VERIFICATION_NOT_FOUND";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Conflicts with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "IDENTITY_IN_USE" | "IDENTITY_MISMATCH" | "VERIFICATION_USED";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Request body too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "PAYLOAD_TOO_LARGE";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Unsupported content type */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "UNSUPPORTED_MEDIA_TYPE";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Rate limit exceeded (see `Retry-After`) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "RATE_LIMITED";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Unexpected server error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "INTERNAL_ERROR";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description A dependency (the database, Kakao, PortOne) is unavailable; retry shortly */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "DATABASE_UNAVAILABLE" | "IDENTITY_PROVIDER_UNAVAILABLE";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/me/settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Your settings: external notifications (알림톡/SMS) on or off; GET /me shows them */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        notifyExternal: boolean;
                    };
                };
            };
            responses: {
                /** @description The caller's settings */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Notifications outside the app (Kakao 알림톡, or SMS when it cannot be delivered) to the verified phone number: only "SHH Match: 새 소식이 있어요" and a link, never a name. Default on. */
                            notifyExternal: boolean;
                        };
                    };
                };
                /** @description Invalid input (validation details in `error.details`) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "BAD_REQUEST" | "VALIDATION_ERROR";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Missing, invalid, expired or revoked token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "AUTH_REQUIRED" | "INVALID_TOKEN" | "TOKEN_EXPIRED" | "TOKEN_REVOKED";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Authenticated but not allowed (banned, not an admin, consent or identity missing, under age) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "USER_BANNED";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Request body too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "PAYLOAD_TOO_LARGE";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Unsupported content type */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "UNSUPPORTED_MEDIA_TYPE";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Rate limit exceeded (see `Retry-After`) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "RATE_LIMITED";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Unexpected server error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "INTERNAL_ERROR";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description A dependency (the database, Kakao, PortOne) is unavailable; retry shortly */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "DATABASE_UNAVAILABLE";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/likes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Like someone from your recommendations, or like back someone from GET /likes/received; a mutual like makes a pending match (needs a verified identity when IDENTITY_REQUIRED, then the current terms, privacy and adult consents) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: uuid */
                        toUserId: string;
                        /** @description The week the person was recommended to you (this or last) */
                        batchWeek: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            ok: true;
                            /** @description The other person had already liked you: a pending match exists */
                            matched: boolean;
                            /** Format: uuid */
                            matchId?: string;
                        };
                    };
                };
                /** @description Invalid input (validation details in `error.details`) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "BAD_REQUEST" | "INVALID_WEEK" | "VALIDATION_ERROR";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Missing, invalid, expired or revoked token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "AUTH_REQUIRED" | "INVALID_TOKEN" | "TOKEN_EXPIRED" | "TOKEN_REVOKED";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Authenticated but not allowed (banned, not an admin, consent or identity missing, under age) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "CONSENT_REQUIRED" | "IDENTITY_REQUIRED" | "USER_BANNED";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Not found, or not yours */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "RECOMMENDATION_NOT_FOUND";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Request body too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "PAYLOAD_TOO_LARGE";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Unsupported content type */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "UNSUPPORTED_MEDIA_TYPE";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Rate limit exceeded (see `Retry-After`) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "RATE_LIMITED";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Unexpected server error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "INTERNAL_ERROR";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description A dependency (the database, Kakao, PortOne) is unavailable; retry shortly */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "DATABASE_UNAVAILABLE";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/likes/pass": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Not interested: decline someone from your recommendations or from GET /likes/received for that week (they are not told; needs a verified identity when IDENTITY_REQUIRED, then the current terms, privacy and adult consents) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: uuid */
                        toUserId: string;
                        /** @description The week the person was recommended to you (this or last) */
                        batchWeek: string;
                    };
                };
            };
            responses: {
                /** @description Passed */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Invalid input (validation details in `error.details`) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "BAD_REQUEST" | "INVALID_WEEK" | "VALIDATION_ERROR";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Missing, invalid, expired or revoked token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "AUTH_REQUIRED" | "INVALID_TOKEN" | "TOKEN_EXPIRED" | "TOKEN_REVOKED";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Authenticated but not allowed (banned, not an admin, consent or identity missing, under age) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "CONSENT_REQUIRED" | "IDENTITY_REQUIRED" | "USER_BANNED";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Not found, or not yours */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "RECOMMENDATION_NOT_FOUND";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Conflicts with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "ALREADY_LIKED";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Request body too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "PAYLOAD_TOO_LARGE";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Unsupported content type */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "UNSUPPORTED_MEDIA_TYPE";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Rate limit exceeded (see `Retry-After`) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "RATE_LIMITED";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Unexpected server error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "INTERNAL_ERROR";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description A dependency (the database, Kakao, PortOne) is unavailable; retry shortly */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "DATABASE_UNAVAILABLE";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/likes/received": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** People whose like to you from this or last week you have not answered, newest first (at most 200) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            fromUserId: string;
                            /** @description Send it back with POST /likes (or /likes/pass) to answer this like */
                            batchWeek: string;
                            /** Format: date-time */
                            likedAt: string;
                            /** @description Another person's profile as they chose to show it: hidden or empty fields are absent */
                            profile: {
                                /** Format: uuid */
                                userId: string;
                                nickname: string;
                                /** @enum {unknown} */
                                gender: "M" | "F";
                                /** @description Photo URLs in the owner's order: approved ones (PHOTO_MODERATION=pre) or all not rejected (post) */
                                photos: string[];
                                age?: number;
                                height?: number;
                                region?: string;
                                job?: string;
                                intro?: string;
                            };
                        }[];
                    };
                };
                /** @description Missing, invalid, expired or revoked token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "AUTH_REQUIRED" | "INVALID_TOKEN" | "TOKEN_EXPIRED" | "TOKEN_REVOKED";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Authenticated but not allowed (banned, not an admin, consent or identity missing, under age) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "USER_BANNED";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Rate limit exceeded (see `Retry-After`) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "RATE_LIMITED";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Unexpected server error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "INTERNAL_ERROR";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description A dependency (the database, Kakao, PortOne) is unavailable; retry shortly */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "DATABASE_UNAVAILABLE";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/matches": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your matches, newest first (at most 200) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** @enum {unknown} */
                            status: "pending" | "active" | "closed";
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: uuid */
                            otherUserId: string;
                            /** @description Another person's profile as they chose to show it: hidden or empty fields are absent */
                            otherProfile: {
                                /** Format: uuid */
                                userId: string;
                                nickname: string;
                                /** @enum {unknown} */
                                gender: "M" | "F";
                                /** @description Photo URLs in the owner's order: approved ones (PHOTO_MODERATION=pre) or all not rejected (post) */
                                photos: string[];
                                age?: number;
                                height?: number;
                                region?: string;
                                job?: string;
                                intro?: string;
                            };
                            payment: {
                                /** Format: uuid */
                                id: string;
                                /** @enum {unknown} */
                                status: "pending" | "verified" | "amount_mismatch" | "expired" | "refund_due" | "refunded";
                            } | null;
                        }[];
                    };
                };
                /** @description Missing, invalid, expired or revoked token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "AUTH_REQUIRED" | "INVALID_TOKEN" | "TOKEN_EXPIRED" | "TOKEN_REVOKED";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Authenticated but not allowed (banned, not an admin, consent or identity missing, under age) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "USER_BANNED";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Rate limit exceeded (see `Retry-After`) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "RATE_LIMITED";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Unexpected server error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "INTERNAL_ERROR";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description A dependency (the database, Kakao, PortOne) is unavailable; retry shortly */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "DATABASE_UNAVAILABLE";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/matches/{matchId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One of your matches; once active, the full profile and the shared contact */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    matchId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            match: {
                                /** Format: uuid */
                                id: string;
                                /** @enum {unknown} */
                                status: "pending" | "active" | "closed";
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                activatedAt: string | null;
                                /** Format: date-time */
                                closedAt: string | null;
                                /** Format: uuid */
                                otherUserId: string;
                                payment: {
                                    /** Format: uuid */
                                    id: string;
                                    /** @enum {unknown} */
                                    status: "pending" | "verified" | "amount_mismatch" | "expired" | "refund_due" | "refunded";
                                } | null;
                            };
                            /** @description The other person of a match, as their visibility settings show them to anyone; once the match is active, also their contact if they consented to share it */
                            otherProfile: {
                                /** Format: uuid */
                                userId: string;
                                nickname: string;
                                /** @enum {unknown} */
                                gender: "M" | "F";
                                /** @description Photo URLs in the owner's order: approved ones (PHOTO_MODERATION=pre) or all not rejected (post) */
                                photos: string[];
                                age?: number;
                                height?: number;
                                region?: string;
                                job?: string;
                                intro?: string;
                                contact?: string;
                            };
                        };
                    };
                };
                /** @description Invalid input (validation details in `error.details`) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "BAD_URL" | "VALIDATION_ERROR";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Missing, invalid, expired or revoked token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "AUTH_REQUIRED" | "INVALID_TOKEN" | "TOKEN_EXPIRED" | "TOKEN_REVOKED";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Authenticated but not allowed (banned, not an admin, consent or identity missing, under age) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "USER_BANNED";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Not found, or not yours */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "MATCH_NOT_FOUND";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Request URL too long */
                414: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "URI_TOO_LONG";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Rate limit exceeded (see `Retry-After`) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "RATE_LIMITED";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Unexpected server error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "INTERNAL_ERROR";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description A dependency (the database, Kakao, PortOne) is unavailable; retry shortly */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "DATABASE_UNAVAILABLE";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/matches/{matchId}/close": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Unmatch: close the match (the two are never recommended to each other again) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    matchId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            ok: true;
                        };
                    };
                };
                /** @description Invalid input (validation details in `error.details`) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "BAD_REQUEST" | "BAD_URL" | "VALIDATION_ERROR";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Missing, invalid, expired or revoked token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "AUTH_REQUIRED" | "INVALID_TOKEN" | "TOKEN_EXPIRED" | "TOKEN_REVOKED";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Authenticated but not allowed (banned, not an admin, consent or identity missing, under age) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "USER_BANNED";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Not found, or not yours */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "MATCH_NOT_FOUND";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Request body too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "PAYLOAD_TOO_LARGE";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Request URL too long */
                414: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "URI_TOO_LONG";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Unsupported content type */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "UNSUPPORTED_MEDIA_TYPE";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Rate limit exceeded (see `Retry-After`) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "RATE_LIMITED";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Unexpected server error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "INTERNAL_ERROR";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description A dependency (the database, Kakao, PortOne) is unavailable; retry shortly */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "DATABASE_UNAVAILABLE";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/blocks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The people you have blocked, newest first (at most 500) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            userId: string;
                            nickname: string | null;
                            /** Format: date-time */
                            createdAt: string;
                        }[];
                    };
                };
                /** @description Missing, invalid, expired or revoked token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "AUTH_REQUIRED" | "INVALID_TOKEN" | "TOKEN_EXPIRED" | "TOKEN_REVOKED";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Authenticated but not allowed (banned, not an admin, consent or identity missing, under age) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "USER_BANNED";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Rate limit exceeded (see `Retry-After`) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "RATE_LIMITED";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Unexpected server error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "INTERNAL_ERROR";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description A dependency (the database, Kakao, PortOne) is unavailable; retry shortly */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "DATABASE_UNAVAILABLE";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        /** Block someone you were recommended or matched with (closes any open match between you) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: uuid */
                        userId: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            userId: string;
                            nickname: string | null;
                            /** Format: date-time */
                            createdAt: string;
                        };
                    };
                };
                /** @description Invalid input (validation details in `error.details`) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "BAD_REQUEST" | "VALIDATION_ERROR";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Missing, invalid, expired or revoked token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "AUTH_REQUIRED" | "INVALID_TOKEN" | "TOKEN_EXPIRED" | "TOKEN_REVOKED";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Authenticated but not allowed (banned, not an admin, consent or identity missing, under age) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "USER_BANNED";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Not found, or not yours */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "USER_NOT_FOUND";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Request body too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "PAYLOAD_TOO_LARGE";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Unsupported content type */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "UNSUPPORTED_MEDIA_TYPE";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Rate limit exceeded (see `Retry-After`) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "RATE_LIMITED";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Unexpected server error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "INTERNAL_ERROR";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description A dependency (the database, Kakao, PortOne) is unavailable; retry shortly */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "DATABASE_UNAVAILABLE";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/blocks/{userId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Unblock */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    userId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Unblocked */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Invalid input (validation details in `error.details`) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "BAD_REQUEST" | "BAD_URL" | "VALIDATION_ERROR";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Missing, invalid, expired or revoked token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "AUTH_REQUIRED" | "INVALID_TOKEN" | "TOKEN_EXPIRED" | "TOKEN_REVOKED";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Authenticated but not allowed (banned, not an admin, consent or identity missing, under age) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "USER_BANNED";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Not found, or not yours */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "BLOCK_NOT_FOUND";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Request body too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "PAYLOAD_TOO_LARGE";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Request URL too long */
                414: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "URI_TOO_LONG";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Unsupported content type */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "UNSUPPORTED_MEDIA_TYPE";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Rate limit exceeded (see `Retry-After`) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "RATE_LIMITED";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Unexpected server error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "INTERNAL_ERROR";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description A dependency (the database, Kakao, PortOne) is unavailable; retry shortly */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "DATABASE_UNAVAILABLE";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/reports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Report someone you were recommended or matched with (one open report per person) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: uuid */
                        reportedUserId: string;
                        /** @enum {unknown} */
                        reason: "spam" | "fake_profile" | "harassment" | "inappropriate_content" | "underage" | "scam" | "other";
                        detail?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            reportedUserId: string;
                            /** @enum {unknown} */
                            reason: "spam" | "fake_profile" | "harassment" | "inappropriate_content" | "underage" | "scam" | "other";
                            detail: string | null;
                            handled: boolean;
                            /** Format: date-time */
                            createdAt: string;
                        };
                    };
                };
                /** @description Invalid input (validation details in `error.details`) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "BAD_REQUEST" | "VALIDATION_ERROR";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Missing, invalid, expired or revoked token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "AUTH_REQUIRED" | "INVALID_TOKEN" | "TOKEN_EXPIRED" | "TOKEN_REVOKED";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Authenticated but not allowed (banned, not an admin, consent or identity missing, under age) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "USER_BANNED";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Not found, or not yours */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "USER_NOT_FOUND";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Conflicts with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "REPORT_ALREADY_OPEN";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Request body too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "PAYLOAD_TOO_LARGE";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Unsupported content type */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "UNSUPPORTED_MEDIA_TYPE";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Rate limit exceeded (see `Retry-After`) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "RATE_LIMITED";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Unexpected server error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "INTERNAL_ERROR";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description A dependency (the database, Kakao, PortOne) is unavailable; retry shortly */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "DATABASE_UNAVAILABLE";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/reports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Reports, newest first (filter by handled) */
        get: {
            parameters: {
                query?: {
                    handled?: boolean;
                    page?: number;
                    pageSize?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** Format: uuid */
                                id: string;
                                /** Format: uuid */
                                reporterId: string;
                                /** Format: uuid */
                                reportedUserId: string;
                                /** @enum {unknown} */
                                reason: "spam" | "fake_profile" | "harassment" | "inappropriate_content" | "underage" | "scam" | "other";
                                detail: string | null;
                                handled: boolean;
                                /** Format: date-time */
                                handledAt: string | null;
                                /** Format: uuid */
                                handledBy: string | null;
                                /** Format: date-time */
                                createdAt: string;
                            }[];
                            page: number;
                            pageSize: number;
                            total: number;
                        };
                    };
                };
                /** @description Invalid input (validation details in `error.details`) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "VALIDATION_ERROR";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Missing, invalid, expired or revoked token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "AUTH_REQUIRED" | "INVALID_TOKEN" | "TOKEN_EXPIRED" | "TOKEN_REVOKED";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Authenticated but not allowed (banned, not an admin, consent or identity missing, under age) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "ADMIN_ONLY" | "USER_BANNED";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Rate limit exceeded (see `Retry-After`) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "RATE_LIMITED";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Unexpected server error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "INTERNAL_ERROR";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description A dependency (the database, Kakao, PortOne) is unavailable; retry shortly */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "DATABASE_UNAVAILABLE";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/reports/{reportId}/handle": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Handle a report: dismiss it, or ban the reported user (audited) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    reportId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {unknown} */
                        action: "dismiss" | "ban";
                        memo?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            ok: true;
                        };
                    };
                };
                /** @description Invalid input (validation details in `error.details`) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "BAD_REQUEST" | "BAD_URL" | "VALIDATION_ERROR";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Missing, invalid, expired or revoked token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "AUTH_REQUIRED" | "INVALID_TOKEN" | "TOKEN_EXPIRED" | "TOKEN_REVOKED";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Authenticated but not allowed (banned, not an admin, consent or identity missing, under age) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "ADMIN_ONLY" | "USER_BANNED";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Not found, or not yours */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "REPORT_NOT_FOUND";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Conflicts with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "CANNOT_BAN_ADMIN" | "REPORT_ALREADY_HANDLED";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Request body too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "PAYLOAD_TOO_LARGE";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Request URL too long */
                414: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "URI_TOO_LONG";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Unsupported content type */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "UNSUPPORTED_MEDIA_TYPE";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Rate limit exceeded (see `Retry-After`) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "RATE_LIMITED";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Unexpected server error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "INTERNAL_ERROR";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description A dependency (the database, Kakao, PortOne) is unavailable; retry shortly */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "DATABASE_UNAVAILABLE";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/payments/intent": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The payment of a pending match: a bank transfer with a code, or a virtual account opened at PortOne (created once; the same for both of you; needs a verified identity when IDENTITY_REQUIRED, then the current terms, privacy, adult and refund consents) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: uuid */
                        matchId: string;
                        /**
                         * @description transfer: to our bank account with a code; virtual_account: an account of its own, confirmed automatically (needs PAYMENT_PROVIDER=portone, else 400 METHOD_UNAVAILABLE). The first intent of a match decides: later calls answer the live payment whatever method they name.
                         * @default transfer
                         * @enum {unknown}
                         */
                        method?: "transfer" | "virtual_account";
                    };
                };
            };
            responses: {
                /** @description A payment for a match: a bank transfer with a code, or a virtual account */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            matchId: string;
                            /** @enum {unknown} */
                            method: "transfer" | "virtual_account";
                            /** @description KRW */
                            amount: number;
                            /** @description Put this code in the depositor name (입금자명) of the transfer (bank transfers only; null for a virtual account) */
                            code: string | null;
                            /** @enum {unknown} */
                            status: "pending" | "verified" | "amount_mismatch" | "expired" | "refund_due" | "refunded";
                            depositorName: string | null;
                            /** Format: date-time */
                            verifiedAt: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            expiresAt: string;
                            /** @description Where to transfer: bank transfers only (null for a virtual account) */
                            bank: {
                                name: string;
                                account: string;
                                holder: string;
                            } | null;
                            /** @description Where to deposit exactly `amount`: virtual accounts only (null for a transfer) */
                            virtualAccount: {
                                /** @description The bank's code as PortOne names it (KOOKMIN, SHINHAN, …) */
                                bank: string;
                                bankName: string;
                                accountNumber: string;
                                /** @description The name the payer sees (입금주명) */
                                holder: string;
                                /** Format: date-time */
                                expiresAt: string;
                            } | null;
                        };
                    };
                };
                /** @description Invalid input (validation details in `error.details`) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "BAD_REQUEST" | "METHOD_UNAVAILABLE" | "VALIDATION_ERROR";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Missing, invalid, expired or revoked token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "AUTH_REQUIRED" | "INVALID_TOKEN" | "TOKEN_EXPIRED" | "TOKEN_REVOKED";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Authenticated but not allowed (banned, not an admin, consent or identity missing, under age) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "CONSENT_REQUIRED" | "IDENTITY_REQUIRED" | "USER_BANNED";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Not found, or not yours */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "MATCH_NOT_FOUND";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Conflicts with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "MATCH_NOT_PENDING";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Request body too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "PAYLOAD_TOO_LARGE";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Unsupported content type */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "UNSUPPORTED_MEDIA_TYPE";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Rate limit exceeded (see `Retry-After`) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "RATE_LIMITED";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Unexpected server error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "INTERNAL_ERROR";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description A dependency (the database, Kakao, PortOne) is unavailable; retry shortly */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "DATABASE_UNAVAILABLE" | "PAYMENT_PROVIDER_UNAVAILABLE";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/payments/{paymentId}/refund-account": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Where to pay back a virtual-account deposit owed to you (refund_due or amount_mismatch; stored encrypted) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    paymentId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * @description The bank's code as PortOne names it
                         * @enum {unknown}
                         */
                        bank: "KDB" | "IBK" | "KOOKMIN" | "SUHYUP" | "NONGHYUP" | "LOCAL_NONGHYUP" | "WOORI" | "STANDARD_CHARTERED" | "CITI" | "DAEGU" | "BUSAN" | "KWANGJU" | "JEJU" | "JEONBUK" | "KYONGNAM" | "KFCC" | "SHINHYUP" | "SAVINGS_BANK" | "POST" | "HANA" | "SHINHAN" | "K_BANK" | "KAKAO" | "TOSS";
                        /** @description Digits only */
                        number: string;
                        holderName: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            ok: true;
                        };
                    };
                };
                /** @description Invalid input (validation details in `error.details`) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "BAD_REQUEST" | "BAD_URL" | "VALIDATION_ERROR";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Missing, invalid, expired or revoked token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "AUTH_REQUIRED" | "INVALID_TOKEN" | "TOKEN_EXPIRED" | "TOKEN_REVOKED";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Authenticated but not allowed (banned, not an admin, consent or identity missing, under age) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "NOT_PAYER" | "USER_BANNED";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Not found, or not yours */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "PAYMENT_NOT_FOUND";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Conflicts with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "REFUND_NOT_DUE";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Request body too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "PAYLOAD_TOO_LARGE";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Request URL too long */
                414: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "URI_TOO_LONG";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Unsupported content type */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "UNSUPPORTED_MEDIA_TYPE";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Rate limit exceeded (see `Retry-After`) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "RATE_LIMITED";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Unexpected server error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "INTERNAL_ERROR";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description A dependency (the database, Kakao, PortOne) is unavailable; retry shortly */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "DATABASE_UNAVAILABLE";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/webhooks/portone": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** PortOne's payment webhooks (Standard Webhooks signature, PORTONE_WEBHOOK_SECRET): 200 for every validly signed delivery; the payment is then read from PortOne, never from the body */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            /** @description PortOne's webhook (version 2024-04-25), e.g. { type: 'Transaction.Paid', data: { paymentId } } */
            requestBody?: {
                content: {
                    "application/json": Record<string, never>;
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            ok: true;
                        };
                    };
                };
                /** @description Invalid input (validation details in `error.details`) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "BAD_REQUEST" | "INVALID_WEBHOOK" | "VALIDATION_ERROR";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Request body too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "PAYLOAD_TOO_LARGE";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Unsupported content type */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "UNSUPPORTED_MEDIA_TYPE";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Rate limit exceeded (see `Retry-After`) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "RATE_LIMITED";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Unexpected server error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "INTERNAL_ERROR";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description A dependency (the database, Kakao, PortOne) is unavailable; retry shortly */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "DATABASE_UNAVAILABLE";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/payments/{paymentId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A payment of one of your matches */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    paymentId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A payment for a match: a bank transfer with a code, or a virtual account */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            matchId: string;
                            /** @enum {unknown} */
                            method: "transfer" | "virtual_account";
                            /** @description KRW */
                            amount: number;
                            /** @description Put this code in the depositor name (입금자명) of the transfer (bank transfers only; null for a virtual account) */
                            code: string | null;
                            /** @enum {unknown} */
                            status: "pending" | "verified" | "amount_mismatch" | "expired" | "refund_due" | "refunded";
                            depositorName: string | null;
                            /** Format: date-time */
                            verifiedAt: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            expiresAt: string;
                            /** @description Where to transfer: bank transfers only (null for a virtual account) */
                            bank: {
                                name: string;
                                account: string;
                                holder: string;
                            } | null;
                            /** @description Where to deposit exactly `amount`: virtual accounts only (null for a transfer) */
                            virtualAccount: {
                                /** @description The bank's code as PortOne names it (KOOKMIN, SHINHAN, …) */
                                bank: string;
                                bankName: string;
                                accountNumber: string;
                                /** @description The name the payer sees (입금주명) */
                                holder: string;
                                /** Format: date-time */
                                expiresAt: string;
                            } | null;
                        };
                    };
                };
                /** @description Invalid input (validation details in `error.details`) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "BAD_URL" | "VALIDATION_ERROR";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Missing, invalid, expired or revoked token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "AUTH_REQUIRED" | "INVALID_TOKEN" | "TOKEN_EXPIRED" | "TOKEN_REVOKED";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Authenticated but not allowed (banned, not an admin, consent or identity missing, under age) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "USER_BANNED";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Not found, or not yours */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "PAYMENT_NOT_FOUND";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Request URL too long */
                414: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "URI_TOO_LONG";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Rate limit exceeded (see `Retry-After`) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "RATE_LIMITED";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Unexpected server error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "INTERNAL_ERROR";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description A dependency (the database, Kakao, PortOne) is unavailable; retry shortly */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "DATABASE_UNAVAILABLE";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/payments/{paymentId}/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Confirm the deposit arrived (audited; activates the match if AUTO_ACTIVATE_ON_VERIFY) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    paymentId: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": {
                        depositorName?: string;
                        memo?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            ok: true;
                        };
                    };
                };
                /** @description Invalid input (validation details in `error.details`) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "BAD_REQUEST" | "BAD_URL" | "REASON_REQUIRED" | "VALIDATION_ERROR";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Missing, invalid, expired or revoked token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "AUTH_REQUIRED" | "INVALID_TOKEN" | "TOKEN_EXPIRED" | "TOKEN_REVOKED";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Authenticated but not allowed (banned, not an admin, consent or identity missing, under age) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "ADMIN_ONLY" | "USER_BANNED";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Not found, or not yours */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "PAYMENT_NOT_FOUND";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Conflicts with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "MATCH_CLOSED" | "PAYMENT_ALREADY_VERIFIED" | "PAYMENT_NOT_VERIFIABLE" | "PAYMENT_SUPERSEDED";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Request body too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "PAYLOAD_TOO_LARGE";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Request URL too long */
                414: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "URI_TOO_LONG";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Unsupported content type */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "UNSUPPORTED_MEDIA_TYPE";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Rate limit exceeded (see `Retry-After`) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "RATE_LIMITED";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Unexpected server error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "INTERNAL_ERROR";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description A dependency (the database, Kakao, PortOne) is unavailable; retry shortly */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "DATABASE_UNAVAILABLE";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/payments/{paymentId}/refund": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Pay back a deposit: a bank transfer is recorded as paid back; a virtual account owed back (refund_due, amount_mismatch) is refunded through PortOne to the payer's account (refunded when PortOne confirms; a failure is kept in refundError); a verified one is not owed: 409 PAYMENT_NOT_REFUNDABLE */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    paymentId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            ok: true;
                            /**
                             * @description refunded, or (a refund PortOne has accepted but not confirmed) the status it had
                             * @enum {unknown}
                             */
                            status: "pending" | "verified" | "amount_mismatch" | "expired" | "refund_due" | "refunded";
                        };
                    };
                };
                /** @description Invalid input (validation details in `error.details`) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "BAD_REQUEST" | "BAD_URL" | "VALIDATION_ERROR";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Missing, invalid, expired or revoked token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "AUTH_REQUIRED" | "INVALID_TOKEN" | "TOKEN_EXPIRED" | "TOKEN_REVOKED";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Authenticated but not allowed (banned, not an admin, consent or identity missing, under age) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "ADMIN_ONLY" | "USER_BANNED";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Not found, or not yours */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "PAYMENT_NOT_FOUND";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Conflicts with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "METHOD_UNAVAILABLE" | "PAYMENT_NOT_REFUNDABLE" | "REFUND_ACCOUNT_MISSING" | "REFUND_FAILED" | "REFUND_IN_PROGRESS";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Request body too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "PAYLOAD_TOO_LARGE";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Request URL too long */
                414: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "URI_TOO_LONG";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Unsupported content type */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "UNSUPPORTED_MEDIA_TYPE";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Rate limit exceeded (see `Retry-After`) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "RATE_LIMITED";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Unexpected server error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "INTERNAL_ERROR";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description A dependency (the database, Kakao, PortOne) is unavailable; retry shortly */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "DATABASE_UNAVAILABLE" | "PAYMENT_PROVIDER_UNAVAILABLE";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/payments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Payments, newest first (filter by status and method; search by code or depositor name) */
        get: {
            parameters: {
                query?: {
                    status?: "pending" | "verified" | "amount_mismatch" | "expired" | "refund_due" | "refunded";
                    method?: "transfer" | "virtual_account";
                    /** @description Part of a code or a depositor name */
                    query?: string;
                    page?: number;
                    pageSize?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** Format: uuid */
                                id: string;
                                /** Format: uuid */
                                matchId: string;
                                /** @enum {unknown} */
                                method: "transfer" | "virtual_account";
                                /** @description KRW */
                                amount: number;
                                /** @description Put this code in the depositor name (입금자명) of the transfer (bank transfers only; null for a virtual account) */
                                code: string | null;
                                /** @enum {unknown} */
                                status: "pending" | "verified" | "amount_mismatch" | "expired" | "refund_due" | "refunded";
                                depositorName: string | null;
                                /** Format: date-time */
                                verifiedAt: string | null;
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                expiresAt: string;
                                /** @description Where to transfer: bank transfers only (null for a virtual account) */
                                bank: {
                                    name: string;
                                    account: string;
                                    holder: string;
                                } | null;
                                /** @description Where to deposit exactly `amount`: virtual accounts only (null for a transfer) */
                                virtualAccount: {
                                    /** @description The bank's code as PortOne names it (KOOKMIN, SHINHAN, …) */
                                    bank: string;
                                    bankName: string;
                                    accountNumber: string;
                                    /** @description The name the payer sees (입금주명) */
                                    holder: string;
                                    /** Format: date-time */
                                    expiresAt: string;
                                } | null;
                                memo: string | null;
                                /** Format: date-time */
                                refundedAt: string | null;
                                /** Format: date-time */
                                updatedAt: string;
                                /** @description What PortOne says was deposited (virtual accounts) */
                                paidAmount: number | null;
                                /** Format: date-time */
                                paidAt: string | null;
                                /** @description The payer has given an account for the refund */
                                refundAccountGiven: boolean;
                                /** Format: date-time */
                                refundRequestedAt: string | null;
                                /** @description PortOne's last answer to a refund that failed */
                                refundError: string | null;
                            }[];
                            page: number;
                            pageSize: number;
                            total: number;
                        };
                    };
                };
                /** @description Invalid input (validation details in `error.details`) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "VALIDATION_ERROR";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Missing, invalid, expired or revoked token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "AUTH_REQUIRED" | "INVALID_TOKEN" | "TOKEN_EXPIRED" | "TOKEN_REVOKED";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Authenticated but not allowed (banned, not an admin, consent or identity missing, under age) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "ADMIN_ONLY" | "USER_BANNED";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Rate limit exceeded (see `Retry-After`) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "RATE_LIMITED";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Unexpected server error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "INTERNAL_ERROR";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description A dependency (the database, Kakao, PortOne) is unavailable; retry shortly */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "DATABASE_UNAVAILABLE";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/payments/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Payments as a CSV file for a spreadsheet (filters as GET /admin/payments; the newest 10,000) */
        get: {
            parameters: {
                query?: {
                    status?: "pending" | "verified" | "amount_mismatch" | "expired" | "refund_due" | "refunded";
                    method?: "transfer" | "virtual_account";
                    /** @description Part of a code or a depositor name */
                    query?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description CSV (UTF-8 with BOM); text cells that would run as formulas start with ' */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/csv": string;
                    };
                };
                /** @description Invalid input (validation details in `error.details`) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "VALIDATION_ERROR";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Missing, invalid, expired or revoked token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "AUTH_REQUIRED" | "INVALID_TOKEN" | "TOKEN_EXPIRED" | "TOKEN_REVOKED";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Authenticated but not allowed (banned, not an admin, consent or identity missing, under age) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "ADMIN_ONLY" | "USER_BANNED";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Rate limit exceeded (see `Retry-After`) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "RATE_LIMITED";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Unexpected server error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "INTERNAL_ERROR";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description A dependency (the database, Kakao, PortOne) is unavailable; retry shortly */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "DATABASE_UNAVAILABLE";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/payments/reconcile": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Match a bank statement (CSV, UTF-8 or CP949; raw text/csv or a multipart file) to payments */
        post: {
            parameters: {
                query?: {
                    /** @description Verify every matched payment (one transaction) */
                    apply?: boolean;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            /** @description The statement CSV; a header row names the date, depositor and amount columns */
            requestBody: {
                content: {
                    "text/csv": string;
                    "multipart/form-data": string;
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            lines: {
                                line: number;
                                /** Format: date-time */
                                date: string;
                                depositor: string;
                                amount: number;
                                /** @enum {unknown} */
                                status: "matched" | "ambiguous" | "unmatched";
                                /** Format: uuid */
                                paymentId?: string;
                                reason?: string;
                            }[];
                            /** @description Payments verified (with apply=true) */
                            applied: number;
                        };
                    };
                };
                /** @description Invalid input (validation details in `error.details`) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "BAD_REQUEST" | "INVALID_STATEMENT" | "STATEMENT_REQUIRED" | "VALIDATION_ERROR";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Missing, invalid, expired or revoked token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "AUTH_REQUIRED" | "INVALID_TOKEN" | "TOKEN_EXPIRED" | "TOKEN_REVOKED";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Authenticated but not allowed (banned, not an admin, consent or identity missing, under age) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "ADMIN_ONLY" | "USER_BANNED";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Conflicts with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "MATCH_CLOSED" | "PAYMENT_ALREADY_VERIFIED" | "PAYMENT_NOT_VERIFIABLE" | "PAYMENT_SUPERSEDED";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Request body too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "PAYLOAD_TOO_LARGE";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Unsupported content type */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "UNSUPPORTED_MEDIA_TYPE";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Rate limit exceeded (see `Retry-After`) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "RATE_LIMITED";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Unexpected server error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "INTERNAL_ERROR";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description A dependency (the database, Kakao, PortOne) is unavailable; retry shortly */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "DATABASE_UNAVAILABLE";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/matches/{matchId}/activate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Activate a pending match whose payment is verified (reveals contacts; audited) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    matchId: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": {
                        /** @description Activate without a verified payment (needs a reason) */
                        force?: boolean;
                        reason?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            ok: true;
                        };
                    };
                };
                /** @description Invalid input (validation details in `error.details`) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "BAD_REQUEST" | "BAD_URL" | "REASON_REQUIRED" | "VALIDATION_ERROR";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Missing, invalid, expired or revoked token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "AUTH_REQUIRED" | "INVALID_TOKEN" | "TOKEN_EXPIRED" | "TOKEN_REVOKED";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Authenticated but not allowed (banned, not an admin, consent or identity missing, under age) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "ADMIN_ONLY" | "USER_BANNED";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Not found, or not yours */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "MATCH_NOT_FOUND";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Conflicts with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "MATCH_NOT_PENDING" | "PAYMENT_NOT_VERIFIED";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Request body too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "PAYLOAD_TOO_LARGE";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Request URL too long */
                414: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "URI_TOO_LONG";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Unsupported content type */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "UNSUPPORTED_MEDIA_TYPE";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Rate limit exceeded (see `Retry-After`) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "RATE_LIMITED";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Unexpected server error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "INTERNAL_ERROR";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description A dependency (the database, Kakao, PortOne) is unavailable; retry shortly */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "DATABASE_UNAVAILABLE";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Users (search by nickname, Kakao id or user id), with banned and deleted state */
        get: {
            parameters: {
                query?: {
                    /** @description Nickname (part), Kakao id or user id */
                    query?: string;
                    /** @description Only people who did (true) or did not (false) verify */
                    identityVerified?: boolean;
                    page?: number;
                    pageSize?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** Format: uuid */
                                id: string;
                                /** @description null once the account is deleted */
                                kakaoUserId: string | null;
                                nickname: string | null;
                                /** @enum {unknown} */
                                role: "user" | "admin";
                                banned: boolean;
                                /** @description Identity verified (본인인증); the CI and phone are never shown */
                                identityVerified: boolean;
                                /** Format: date-time */
                                identityVerifiedAt: string | null;
                                deleted: boolean;
                                /** Format: date-time */
                                deletedAt: string | null;
                                /** Format: date-time */
                                lastActiveAt: string | null;
                                /** Format: date-time */
                                createdAt: string;
                            }[];
                            page: number;
                            pageSize: number;
                            total: number;
                        };
                    };
                };
                /** @description Invalid input (validation details in `error.details`) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "VALIDATION_ERROR";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Missing, invalid, expired or revoked token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "AUTH_REQUIRED" | "INVALID_TOKEN" | "TOKEN_EXPIRED" | "TOKEN_REVOKED";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Authenticated but not allowed (banned, not an admin, consent or identity missing, under age) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "ADMIN_ONLY" | "USER_BANNED";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Rate limit exceeded (see `Retry-After`) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "RATE_LIMITED";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Unexpected server error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "INTERNAL_ERROR";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description A dependency (the database, Kakao, PortOne) is unavailable; retry shortly */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "DATABASE_UNAVAILABLE";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/users/{userId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One user: profile (no contact), preferences, matches, payments, reports; the read is logged */
        get: {
            parameters: {
                query?: {
                    reason?: string;
                };
                header?: never;
                path: {
                    userId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            user: {
                                /** Format: uuid */
                                id: string;
                                /** @description null once the account is deleted */
                                kakaoUserId: string | null;
                                nickname: string | null;
                                /** @enum {unknown} */
                                role: "user" | "admin";
                                banned: boolean;
                                /** @description Identity verified (본인인증); the CI and phone are never shown */
                                identityVerified: boolean;
                                /** Format: date-time */
                                identityVerifiedAt: string | null;
                                deleted: boolean;
                                /** Format: date-time */
                                deletedAt: string | null;
                                /** Format: date-time */
                                lastActiveAt: string | null;
                                /** Format: date-time */
                                createdAt: string;
                            };
                            profile: {
                                /** Format: uuid */
                                userId: string;
                                nickname: string;
                                /** @enum {unknown} */
                                gender: "M" | "F";
                                birthYear: number;
                                /** @description Korean year age: this year (KST) − birthYear */
                                age: number;
                                height: number | null;
                                region: string | null;
                                job: string | null;
                                intro: string | null;
                                /** @description Your photos (pending ones too, not rejected ones) in order; GET /photos has their status */
                                photos: string[];
                                visible: {
                                    age: boolean;
                                    height: boolean;
                                    region: boolean;
                                    job: boolean;
                                    intro: boolean;
                                };
                                /** Format: date-time */
                                updatedAt: string;
                                /** @description See GET /admin/users/:userId/contact (logged, with a reason) */
                                hasContact: boolean;
                            } | null;
                            preferences: {
                                /** @enum {unknown} */
                                targetGender: "M" | "F";
                                ageMin: number;
                                ageMax: number;
                                regions: string[];
                                keywords: string[];
                                /** Format: date-time */
                                updatedAt: string;
                            } | null;
                            matches: {
                                /** Format: uuid */
                                id: string;
                                status: string;
                                /** Format: uuid */
                                otherUserId: string;
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                activatedAt: string | null;
                                /** Format: date-time */
                                closedAt: string | null;
                            }[];
                            payments: {
                                /** Format: uuid */
                                id: string;
                                /** Format: uuid */
                                matchId: string;
                                /** @enum {unknown} */
                                method: "transfer" | "virtual_account";
                                amount: number;
                                /** @description Bank transfers only */
                                code: string | null;
                                status: string;
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                verifiedAt: string | null;
                            }[];
                            reports: {
                                /** Format: uuid */
                                id: string;
                                /** Format: uuid */
                                reporterId: string;
                                /** Format: uuid */
                                reportedUserId: string;
                                reason: string;
                                handled: boolean;
                                /** Format: date-time */
                                createdAt: string;
                            }[];
                        };
                    };
                };
                /** @description Invalid input (validation details in `error.details`) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "BAD_URL" | "VALIDATION_ERROR";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Missing, invalid, expired or revoked token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "AUTH_REQUIRED" | "INVALID_TOKEN" | "TOKEN_EXPIRED" | "TOKEN_REVOKED";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Authenticated but not allowed (banned, not an admin, consent or identity missing, under age) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "ADMIN_ONLY" | "USER_BANNED";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Not found, or not yours */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "USER_NOT_FOUND";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Request URL too long */
                414: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "URI_TOO_LONG";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Rate limit exceeded (see `Retry-After`) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "RATE_LIMITED";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Unexpected server error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "INTERNAL_ERROR";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description A dependency (the database, Kakao, PortOne) is unavailable; retry shortly */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "DATABASE_UNAVAILABLE";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/users/{userId}/contact": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A user's contact, with the reason it is needed; the read is logged */
        get: {
            parameters: {
                query: {
                    /** @description Why the contact is needed */
                    reason: string;
                };
                header?: never;
                path: {
                    userId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            userId: string;
                            contact: string | null;
                            /** @description The mobile number identity verification gave (digits), if any */
                            verifiedPhone: string | null;
                        };
                    };
                };
                /** @description Invalid input (validation details in `error.details`) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "BAD_URL" | "VALIDATION_ERROR";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Missing, invalid, expired or revoked token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "AUTH_REQUIRED" | "INVALID_TOKEN" | "TOKEN_EXPIRED" | "TOKEN_REVOKED";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Authenticated but not allowed (banned, not an admin, consent or identity missing, under age) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "ADMIN_ONLY" | "USER_BANNED";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Not found, or not yours */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "USER_NOT_FOUND";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Request URL too long */
                414: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "URI_TOO_LONG";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Rate limit exceeded (see `Retry-After`) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "RATE_LIMITED";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Unexpected server error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "INTERNAL_ERROR";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description A dependency (the database, Kakao, PortOne) is unavailable; retry shortly */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "DATABASE_UNAVAILABLE";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/users/{userId}/ban": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Ban a user: locked out at once, open matches closed (audited) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    userId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            ok: true;
                        };
                    };
                };
                /** @description Invalid input (validation details in `error.details`) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "BAD_REQUEST" | "BAD_URL" | "VALIDATION_ERROR";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Missing, invalid, expired or revoked token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "AUTH_REQUIRED" | "INVALID_TOKEN" | "TOKEN_EXPIRED" | "TOKEN_REVOKED";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Authenticated but not allowed (banned, not an admin, consent or identity missing, under age) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "ADMIN_ONLY" | "USER_BANNED";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Not found, or not yours */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "USER_NOT_FOUND";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Conflicts with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "CANNOT_BAN_ADMIN" | "CANNOT_BAN_SELF" | "USER_ALREADY_BANNED";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Request body too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "PAYLOAD_TOO_LARGE";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Request URL too long */
                414: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "URI_TOO_LONG";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Unsupported content type */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "UNSUPPORTED_MEDIA_TYPE";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Rate limit exceeded (see `Retry-After`) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "RATE_LIMITED";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Unexpected server error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "INTERNAL_ERROR";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description A dependency (the database, Kakao, PortOne) is unavailable; retry shortly */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "DATABASE_UNAVAILABLE";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/users/{userId}/unban": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Lift a ban (audited) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    userId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            ok: true;
                        };
                    };
                };
                /** @description Invalid input (validation details in `error.details`) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "BAD_REQUEST" | "BAD_URL" | "VALIDATION_ERROR";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Missing, invalid, expired or revoked token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "AUTH_REQUIRED" | "INVALID_TOKEN" | "TOKEN_EXPIRED" | "TOKEN_REVOKED";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Authenticated but not allowed (banned, not an admin, consent or identity missing, under age) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "ADMIN_ONLY" | "USER_BANNED";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Not found, or not yours */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "USER_NOT_FOUND";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Conflicts with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "CANNOT_BAN_ADMIN" | "CANNOT_BAN_SELF" | "USER_NOT_BANNED";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Request body too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "PAYLOAD_TOO_LARGE";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Request URL too long */
                414: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "URI_TOO_LONG";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Unsupported content type */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "UNSUPPORTED_MEDIA_TYPE";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Rate limit exceeded (see `Retry-After`) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "RATE_LIMITED";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Unexpected server error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "INTERNAL_ERROR";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description A dependency (the database, Kakao, PortOne) is unavailable; retry shortly */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "DATABASE_UNAVAILABLE";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/matches": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Matches, newest first (filter by status) */
        get: {
            parameters: {
                query?: {
                    status?: "pending" | "active" | "closed";
                    page?: number;
                    pageSize?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** Format: uuid */
                                id: string;
                                /** @enum {unknown} */
                                status: "pending" | "active" | "closed";
                                /** Format: uuid */
                                userA: string;
                                /** Format: uuid */
                                userB: string;
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                activatedAt: string | null;
                                /** Format: date-time */
                                closedAt: string | null;
                                payment: {
                                    /** Format: uuid */
                                    id: string;
                                    status: string;
                                } | null;
                            }[];
                            page: number;
                            pageSize: number;
                            total: number;
                        };
                    };
                };
                /** @description Invalid input (validation details in `error.details`) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "VALIDATION_ERROR";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Missing, invalid, expired or revoked token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "AUTH_REQUIRED" | "INVALID_TOKEN" | "TOKEN_EXPIRED" | "TOKEN_REVOKED";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Authenticated but not allowed (banned, not an admin, consent or identity missing, under age) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "ADMIN_ONLY" | "USER_BANNED";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Rate limit exceeded (see `Retry-After`) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "RATE_LIMITED";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Unexpected server error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "INTERNAL_ERROR";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description A dependency (the database, Kakao, PortOne) is unavailable; retry shortly */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "DATABASE_UNAVAILABLE";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/actions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The audit log of admin changes, newest first */
        get: {
            parameters: {
                query?: {
                    page?: number;
                    pageSize?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: number;
                                /**
                                 * @description `admin` (an operator, see adminId) or `system:<name>` (the API itself, e.g. `system:startup`)
                                 * @example admin
                                 */
                                actor: string;
                                /** Format: uuid */
                                adminId: string | null;
                                action: string;
                                targetId: string | null;
                                detail: unknown | (never | null);
                                /** Format: date-time */
                                createdAt: string;
                            }[];
                            page: number;
                            pageSize: number;
                            total: number;
                        };
                    };
                };
                /** @description Invalid input (validation details in `error.details`) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "VALIDATION_ERROR";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Missing, invalid, expired or revoked token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "AUTH_REQUIRED" | "INVALID_TOKEN" | "TOKEN_EXPIRED" | "TOKEN_REVOKED";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Authenticated but not allowed (banned, not an admin, consent or identity missing, under age) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "ADMIN_ONLY" | "USER_BANNED";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Rate limit exceeded (see `Retry-After`) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "RATE_LIMITED";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Unexpected server error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "INTERNAL_ERROR";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description A dependency (the database, Kakao, PortOne) is unavailable; retry shortly */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "DATABASE_UNAVAILABLE";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/access-log": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every admin read of personal data (PIPA), newest first */
        get: {
            parameters: {
                query?: {
                    page?: number;
                    pageSize?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: number;
                                /** Format: uuid */
                                adminId: string;
                                /** Format: uuid */
                                subjectUserId: string;
                                what: string;
                                reason: string | null;
                                /** Format: date-time */
                                createdAt: string;
                            }[];
                            page: number;
                            pageSize: number;
                            total: number;
                        };
                    };
                };
                /** @description Invalid input (validation details in `error.details`) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "VALIDATION_ERROR";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Missing, invalid, expired or revoked token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "AUTH_REQUIRED" | "INVALID_TOKEN" | "TOKEN_EXPIRED" | "TOKEN_REVOKED";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Authenticated but not allowed (banned, not an admin, consent or identity missing, under age) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "ADMIN_ONLY" | "USER_BANNED";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Rate limit exceeded (see `Retry-After`) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "RATE_LIMITED";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Unexpected server error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "INTERNAL_ERROR";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description A dependency (the database, Kakao, PortOne) is unavailable; retry shortly */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "DATABASE_UNAVAILABLE";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your notifications, newest first (limit 20 by default, at most 100; kept 90 days) */
        get: {
            parameters: {
                query?: {
                    /** @description nextCursor of the previous page */
                    cursor?: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: ({
                                id: number;
                                /** @enum {string} */
                                type: "recs.ready";
                                data: {
                                    /** @example 2026-W48 */
                                    week: string;
                                };
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                readAt: string | null;
                            } | {
                                id: number;
                                /** @enum {string} */
                                type: "like.received";
                                data: {
                                    /** Format: uuid */
                                    fromUserId: string;
                                    /** @example 2026-W48 */
                                    batchWeek: string;
                                };
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                readAt: string | null;
                            } | {
                                id: number;
                                /** @enum {string} */
                                type: "match.created";
                                data: {
                                    /** Format: uuid */
                                    matchId: string;
                                };
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                readAt: string | null;
                            } | {
                                id: number;
                                /** @enum {string} */
                                type: "payment.created";
                                data: {
                                    /** Format: uuid */
                                    matchId: string;
                                    /** Format: uuid */
                                    paymentId: string;
                                };
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                readAt: string | null;
                            } | {
                                id: number;
                                /** @enum {string} */
                                type: "payment.verified";
                                data: {
                                    /** Format: uuid */
                                    matchId: string;
                                    /** Format: uuid */
                                    paymentId: string;
                                };
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                readAt: string | null;
                            } | {
                                id: number;
                                /** @enum {string} */
                                type: "match.activated";
                                data: {
                                    /** Format: uuid */
                                    matchId: string;
                                };
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                readAt: string | null;
                            } | {
                                id: number;
                                /** @enum {string} */
                                type: "match.closed";
                                data: {
                                    /** Format: uuid */
                                    matchId: string;
                                    /** @enum {unknown} */
                                    reason: "closed" | "expired";
                                };
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                readAt: string | null;
                            } | {
                                id: number;
                                /** @enum {string} */
                                type: "payment.refund_due";
                                data: {
                                    /** Format: uuid */
                                    paymentId: string;
                                };
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                readAt: string | null;
                            } | {
                                id: number;
                                /** @enum {string} */
                                type: "photo.rejected";
                                data: {
                                    /** Format: uuid */
                                    photoId: string;
                                    reason: string;
                                };
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                readAt: string | null;
                            })[];
                            /** @description Pass as cursor for the next (older) page; null at the end */
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Invalid input (validation details in `error.details`) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "VALIDATION_ERROR";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Missing, invalid, expired or revoked token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "AUTH_REQUIRED" | "INVALID_TOKEN" | "TOKEN_EXPIRED" | "TOKEN_REVOKED";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Authenticated but not allowed (banned, not an admin, consent or identity missing, under age) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "USER_BANNED";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Rate limit exceeded (see `Retry-After`) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "RATE_LIMITED";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Unexpected server error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "INTERNAL_ERROR";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description A dependency (the database, Kakao, PortOne) is unavailable; retry shortly */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "DATABASE_UNAVAILABLE";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/notifications/unread-count": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** How many of your notifications are unread (cheap: poll it) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            count: number;
                        };
                    };
                };
                /** @description Missing, invalid, expired or revoked token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "AUTH_REQUIRED" | "INVALID_TOKEN" | "TOKEN_EXPIRED" | "TOKEN_REVOKED";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Authenticated but not allowed (banned, not an admin, consent or identity missing, under age) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "USER_BANNED";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Rate limit exceeded (see `Retry-After`) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "RATE_LIMITED";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Unexpected server error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "INTERNAL_ERROR";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description A dependency (the database, Kakao, PortOne) is unavailable; retry shortly */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "DATABASE_UNAVAILABLE";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/notifications/read": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mark notifications read: { ids } or { all: true } (ids that are not yours change nothing) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            /** @description Either `ids` or `all: true` */
            requestBody?: {
                content: {
                    "application/json": {
                        /** @description Your notifications to mark read */
                        ids?: number[];
                        /**
                         * @description Mark every notification of yours read
                         * @enum {boolean}
                         */
                        all?: true;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description How many were unread and are now read */
                            updated: number;
                        };
                    };
                };
                /** @description Invalid input (validation details in `error.details`) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "BAD_REQUEST" | "VALIDATION_ERROR";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Missing, invalid, expired or revoked token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "AUTH_REQUIRED" | "INVALID_TOKEN" | "TOKEN_EXPIRED" | "TOKEN_REVOKED";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Authenticated but not allowed (banned, not an admin, consent or identity missing, under age) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "USER_BANNED";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Request body too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "PAYLOAD_TOO_LARGE";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Unsupported content type */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "UNSUPPORTED_MEDIA_TYPE";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Rate limit exceeded (see `Retry-After`) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "RATE_LIMITED";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Unexpected server error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "INTERNAL_ERROR";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description A dependency (the database, Kakao, PortOne) is unavailable; retry shortly */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "DATABASE_UNAVAILABLE";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/notifications/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Notifications sent outside the app (알림톡/SMS) and their state, newest first */
        get: {
            parameters: {
                query?: {
                    status?: "pending" | "sending" | "sent" | "dead";
                    page?: number;
                    pageSize?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: number;
                                notificationId: number;
                                /** Format: uuid */
                                userId: string;
                                type: string;
                                /** @enum {string} */
                                channel: "alimtalk";
                                /** @enum {unknown} */
                                status: "pending" | "sending" | "sent" | "dead";
                                attempts: number;
                                /** Format: date-time */
                                nextAttemptAt: string | null;
                                lastError: string | null;
                                providerMessageId: string | null;
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                updatedAt: string;
                                /** Format: date-time */
                                sentAt: string | null;
                            }[];
                            page: number;
                            pageSize: number;
                            total: number;
                        };
                    };
                };
                /** @description Invalid input (validation details in `error.details`) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "VALIDATION_ERROR";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Missing, invalid, expired or revoked token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "AUTH_REQUIRED" | "INVALID_TOKEN" | "TOKEN_EXPIRED" | "TOKEN_REVOKED";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Authenticated but not allowed (banned, not an admin, consent or identity missing, under age) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "ADMIN_ONLY" | "USER_BANNED";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Rate limit exceeded (see `Retry-After`) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "RATE_LIMITED";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Unexpected server error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "INTERNAL_ERROR";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description A dependency (the database, Kakao, PortOne) is unavailable; retry shortly */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "DATABASE_UNAVAILABLE";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/notifications/deliveries/{deliveryId}/retry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a dead delivery again, with all its attempts (audited) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    deliveryId: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            notificationId: number;
                            /** Format: uuid */
                            userId: string;
                            type: string;
                            /** @enum {string} */
                            channel: "alimtalk";
                            /** @enum {unknown} */
                            status: "pending" | "sending" | "sent" | "dead";
                            attempts: number;
                            /** Format: date-time */
                            nextAttemptAt: string | null;
                            lastError: string | null;
                            providerMessageId: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                            /** Format: date-time */
                            sentAt: string | null;
                        };
                    };
                };
                /** @description Invalid input (validation details in `error.details`) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "BAD_REQUEST" | "BAD_URL" | "VALIDATION_ERROR";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Missing, invalid, expired or revoked token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "AUTH_REQUIRED" | "INVALID_TOKEN" | "TOKEN_EXPIRED" | "TOKEN_REVOKED";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Authenticated but not allowed (banned, not an admin, consent or identity missing, under age) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "ADMIN_ONLY" | "USER_BANNED";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Not found, or not yours */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "DELIVERY_NOT_FOUND";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Conflicts with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "DELIVERY_ALREADY_SENT" | "DELIVERY_IN_FLIGHT";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Request body too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "PAYLOAD_TOO_LARGE";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Request URL too long */
                414: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "URI_TOO_LONG";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Unsupported content type */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "UNSUPPORTED_MEDIA_TYPE";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Rate limit exceeded (see `Retry-After`) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "RATE_LIMITED";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Unexpected server error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "INTERNAL_ERROR";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description A dependency (the database, Kakao, PortOne) is unavailable; retry shortly */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "DATABASE_UNAVAILABLE";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/recommendations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The caller's weekly recommendations, best first */
        get: {
            parameters: {
                query?: {
                    /** @description ISO week `YYYY-Www` (Asia/Seoul); default: your newest list */
                    week?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            targetUserId: string;
                            /** @example 2026-W48 */
                            batchWeek: string;
                            /** @description Reciprocal match score (higher is better) */
                            score: number;
                            /** @description You have liked this person */
                            liked: boolean;
                            /** @description Another person's profile as they chose to show it: hidden or empty fields are absent */
                            profile: {
                                /** Format: uuid */
                                userId: string;
                                nickname: string;
                                /** @enum {unknown} */
                                gender: "M" | "F";
                                /** @description Photo URLs in the owner's order: approved ones (PHOTO_MODERATION=pre) or all not rejected (post) */
                                photos: string[];
                                age?: number;
                                height?: number;
                                region?: string;
                                job?: string;
                                intro?: string;
                            };
                        }[];
                    };
                };
                /** @description Invalid input (validation details in `error.details`) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "INVALID_WEEK" | "VALIDATION_ERROR";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Missing, invalid, expired or revoked token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "AUTH_REQUIRED" | "INVALID_TOKEN" | "TOKEN_EXPIRED" | "TOKEN_REVOKED";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Authenticated but not allowed (banned, not an admin, consent or identity missing, under age) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "USER_BANNED";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Rate limit exceeded (see `Retry-After`) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "RATE_LIMITED";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Unexpected server error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "INTERNAL_ERROR";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description A dependency (the database, Kakao, PortOne) is unavailable; retry shortly */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "DATABASE_UNAVAILABLE";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/recs/run": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Start the weekly recommendation batch now (202; poll the run) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": {
                        /** @description This week or the next; default this week */
                        week?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            runId: string;
                            /** @example 2026-W48 */
                            week: string;
                            /** @enum {unknown} */
                            status: "queued" | "running" | "succeeded" | "failed";
                        };
                    };
                };
                /** @description Invalid input (validation details in `error.details`) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "BAD_REQUEST" | "INVALID_WEEK" | "VALIDATION_ERROR" | "WEEK_NOT_ALLOWED";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Missing, invalid, expired or revoked token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "AUTH_REQUIRED" | "INVALID_TOKEN" | "TOKEN_EXPIRED" | "TOKEN_REVOKED";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Authenticated but not allowed (banned, not an admin, consent or identity missing, under age) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "ADMIN_ONLY" | "USER_BANNED";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Conflicts with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "RECS_ALREADY_RUNNING";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Request body too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "PAYLOAD_TOO_LARGE";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Unsupported content type */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "UNSUPPORTED_MEDIA_TYPE";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Rate limit exceeded (see `Retry-After`) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "RATE_LIMITED";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Unexpected server error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "INTERNAL_ERROR";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description A dependency (the database, Kakao, PortOne) is unavailable; retry shortly */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "DATABASE_UNAVAILABLE";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/recs/runs/{runId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A batch run and its progress */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    runId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** @example 2026-W48 */
                            week: string;
                            /** @enum {unknown} */
                            status: "queued" | "running" | "succeeded" | "failed";
                            /** @enum {unknown} */
                            trigger: "schedule" | "admin" | "cli";
                            /** Format: uuid */
                            requestedBy: string | null;
                            /** @description Eligible users without a list for the week when the run started */
                            usersTotal: number | null;
                            /** @description Same as usersDone (kept for existing clients) */
                            usersProcessed: number;
                            /** @description Users whose lists are written so far (progress: usersDone/usersTotal) */
                            usersDone: number;
                            /** @description Viewers are built in this many slices; a resumed run skips those done */
                            slicesTotal: number | null;
                            slicesDone: number;
                            recommendationsWritten: number;
                            durationMs: number | null;
                            error: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            startedAt: string | null;
                            /** Format: date-time */
                            finishedAt: string | null;
                        };
                    };
                };
                /** @description Invalid input (validation details in `error.details`) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "BAD_URL" | "VALIDATION_ERROR";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Missing, invalid, expired or revoked token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "AUTH_REQUIRED" | "INVALID_TOKEN" | "TOKEN_EXPIRED" | "TOKEN_REVOKED";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Authenticated but not allowed (banned, not an admin, consent or identity missing, under age) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "ADMIN_ONLY" | "USER_BANNED";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Not found, or not yours */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "RUN_NOT_FOUND";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Request URL too long */
                414: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "URI_TOO_LONG";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Rate limit exceeded (see `Retry-After`) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "RATE_LIMITED";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Unexpected server error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "INTERNAL_ERROR";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description A dependency (the database, Kakao, PortOne) is unavailable; retry shortly */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @enum {string} */
                                code: "DATABASE_UNAVAILABLE";
                                message: string;
                                requestId: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: never;
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
