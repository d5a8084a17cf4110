type Schema = Record<string, unknown>
type Operation = {
  parameters?: Array<{ in: string; required?: boolean; schema?: Schema }>
  requestBody?: { required?: boolean; content?: Record<string, { schema?: Schema }> }
}

/** Leaves out of `required` every property the server fills in with its default. */
function defaultsOptional(schema: Schema | undefined): void {
  if (!schema || typeof schema !== 'object') return
  const properties = (schema.properties ?? {}) as Record<string, Schema>
  if (Array.isArray(schema.required)) {
    const required = (schema.required as string[]).filter((name) => !('default' in (properties[name] ?? {})))
    if (required.length > 0) schema.required = required
    else delete schema.required
  }
  for (const child of Object.values(properties)) defaultsOptional(child)
  if (schema.items) defaultsOptional(schema.items as Schema)
  for (const key of ['anyOf', 'oneOf', 'allOf']) {
    for (const child of (schema[key] ?? []) as Schema[]) defaultsOptional(child)
  }
}

const requiresNothing = (schema: Schema | undefined) =>
  schema?.type === 'object' && !schema.required && !schema.anyOf && !schema.oneOf && !schema.allOf

/**
 * What @fastify/swagger makes of a route's request schemas, corrected for every route at once.
 * TypeBox lists a property with a default as required, and the swagger plugin marks every body as
 * required; but the server fills in defaults (ajv's useDefaults) and treats a missing body as `{}`
 * (app.ts), so a client may leave out both: the document says so, and `GET('/admin/users')` compiles.
 * Responses are left alone: there a property with a default is always sent.
 */
export function requestsAsServed<T>(document: T): T {
  const paths = (document as { paths?: Record<string, Record<string, Operation>> }).paths ?? {}
  for (const operations of Object.values(paths)) {
    for (const operation of Object.values(operations)) {
      for (const parameter of operation.parameters ?? []) {
        if (parameter.in !== 'path' && parameter.schema && 'default' in parameter.schema) {
          parameter.required = false
        }
      }
      const body = operation.requestBody
      if (!body?.content) continue
      const schemas = Object.values(body.content).map((media) => media.schema)
      for (const schema of schemas) defaultsOptional(schema)
      if (schemas.every(requiresNothing)) body.required = false
    }
  }
  return document
}

/**
 * OpenAPI 3.0 has no JSON Schema `examples` array, only a single `example`. @fastify/swagger converts
 * it at the top levels of a schema but not inside `anyOf` branches (the notification feed's items),
 * which leaves the document invalid; this converts it wherever it is left.
 */
export function schemaExamplesAsExample<T>(document: T): T {
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const child of node) visit(child)
      return
    }
    if (!node || typeof node !== 'object') return
    const object = node as Record<string, unknown>
    // Only a schema's `examples` is an array; a parameter's or media type's is a map, left alone.
    if (Array.isArray(object.examples)) {
      if (!('example' in object) && object.examples.length > 0) object.example = object.examples[0]
      delete object.examples
    }
    for (const child of Object.values(object)) visit(child)
  }
  visit(document)
  return document
}
