import { Ajv, type Options } from 'ajv'
import addFormats from 'ajv-formats'
import type { FastifySchemaCompiler } from 'fastify'

/**
 * Fastify's default ajv silently drops unknown properties and coerces types in bodies. The hall
 * wants the opposite for bodies (an extra field or a number where a string belongs is a 400),
 * while query strings and path params arrive as text and still need coercion.
 */
function makeAjv(coerceTypes: Options['coerceTypes']): Ajv {
  const ajv = new Ajv({
    coerceTypes,
    removeAdditional: false,
    useDefaults: true,
    allErrors: false, // first error only: cheaper on hostile input, and the message names one field
    strict: false, // TypeBox adds its own keywords (e.g. [Kind]) that ajv need not know
  })
  // ajv-formats is CommonJS; its typings do not see the default export Node's interop gives.
  // eslint-disable-next-line @typescript-eslint/no-unsafe-call
  addFormats.default(ajv)
  return ajv
}

export function buildValidatorCompiler(): FastifySchemaCompiler<unknown> {
  const strictAjv = makeAjv(false)
  const coercingAjv = makeAjv('array')
  return ({ schema, httpPart }) => (httpPart === 'body' ? strictAjv : coercingAjv).compile(schema as object)
}
