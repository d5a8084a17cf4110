import addFormatsModule, { type FormatsPlugin } from 'ajv-formats'
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify'
import { type Document, OpenAPIBackend, type Operation } from 'openapi-backend'

type Operations = Record<
  string,
  Record<string, { operationId?: string; responses?: Record<string, Response> }>
>
type Response = { content?: Record<string, { schema?: { properties?: ErrorProperties } }> }
type ErrorProperties = { error?: { properties?: { code?: { enum?: string[] } } } }

// ajv-formats is CommonJS; under NodeNext its default import is the module object.
const addFormats = ((addFormatsModule as unknown as { default?: FormatsPlugin }).default ??
  addFormatsModule) as FormatsPlugin

export interface Exchange {
  method: string
  url: string
  status: number
  /** Why the request does not fit the document (empty when it does). */
  requestProblems: string[]
  /** Why the response does not fit the document (empty when it does). */
  responseProblems: string[]
}

/**
 * Checks requests and responses against an OpenAPI document with openapi-backend (a maintained
 * OpenAPI 3 router and ajv validator), the way a client generated from the document sees the API:
 * the request must be one the document allows, the answer's status must be documented for the
 * operation, its body must fit that status's schema (so an error code the route does not list is
 * a problem) and its content type must be a documented one.
 */
export async function contractChecker(document: unknown) {
  const spec = structuredClone(document) as { paths: Operations }
  // openapi-backend finds operations by id; ours have none (the front end needs none).
  for (const [path, operations] of Object.entries(spec.paths)) {
    for (const [method, operation] of Object.entries(operations)) operation.operationId = `${method} ${path}`
  }
  const api = new OpenAPIBackend({
    definition: spec as unknown as Document,
    strict: true,
    quick: false,
    // uuid, date-time, …: checked as the server checks them.
    customizeAjv: (ajv) => {
      addFormats(ajv as unknown as Parameters<typeof addFormats>[0])
      return ajv
    },
  })
  await api.init()

  function check(options: InjectOptions, res: LightMyRequestResponse): Exchange {
    const url = new URL(String(options.url), 'http://api.test')
    const method = String(options.method ?? 'GET').toLowerCase()
    const headers = Object.fromEntries(
      Object.entries(options.headers ?? {}).map(([k, v]) => [k.toLowerCase(), String(v)]),
    )
    const query = Object.fromEntries(url.searchParams)
    let body: unknown = options.payload
    if (typeof body === 'string' && /json/.test(headers['content-type'] ?? '')) {
      try {
        body = JSON.parse(body)
      } catch {
        // a malformed body stays text, and does not fit the document
      }
    }
    if (body !== undefined && headers['content-type'] === undefined && !Buffer.isBuffer(body)) {
      headers['content-type'] = 'application/json'
    }
    const request = { method, path: url.pathname, query, headers, body }
    const exchange: Exchange = {
      method: method.toUpperCase(),
      url: `${url.pathname}${url.search}`,
      status: res.statusCode,
      requestProblems: [],
      responseProblems: [],
    }
    const operation = api.matchOperation(request) as Operation | undefined
    if (!operation) {
      exchange.requestProblems.push('no documented operation')
      return exchange
    }
    const validated = api.validateRequest(request, operation)
    for (const e of validated.errors ?? []) exchange.requestProblems.push(`${e.instancePath} ${e.message}`)

    const responses = (operation.responses ?? {}) as Record<string, Response>
    const documented = responses[String(res.statusCode)]
    if (!documented) {
      exchange.responseProblems.push(`status ${res.statusCode} is not documented (${res.body.slice(0, 200)})`)
      return exchange
    }
    const contentType =
      String(res.headers['content-type'] ?? '')
        .split(';')[0]
        ?.trim() ?? ''
    const media = documented.content ?? {}
    if (Object.keys(media).length === 0) {
      if (res.body.length > 0) exchange.responseProblems.push('a body where the document has none')
      return exchange
    }
    if (!media[contentType]) {
      exchange.responseProblems.push(`content type ${contentType} is not one of ${Object.keys(media)}`)
      return exchange
    }
    if (contentType === 'application/json') {
      const result = api.validateResponse(res.json(), operation, res.statusCode)
      for (const e of result.errors ?? []) {
        const declared = media[contentType]?.schema?.properties?.error?.properties?.code?.enum
        const code =
          res.statusCode >= 400 ? (res.json() as { error?: { code?: string } }).error?.code : undefined
        exchange.responseProblems.push(
          code && declared && !declared.includes(code)
            ? `error code ${code} is not declared for ${res.statusCode} (declared: ${declared.join(', ')})`
            : `${e.instancePath} ${e.message}`,
        )
      }
    }
    return exchange
  }

  return {
    check,
    /** Sends a request through app.inject() and checks both sides. */
    async inject(app: FastifyInstance, options: InjectOptions) {
      const res = await app.inject(options)
      return { res, exchange: check(options, res) }
    },
  }
}

export type ContractChecker = Awaited<ReturnType<typeof contractChecker>>
