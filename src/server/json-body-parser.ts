import type { FastifyInstance } from 'fastify'
import { InvalidInputError } from '../errors/invalid-input-error.js'
import { MAX_NESTING_DEPTH } from '../io/limits.js'
import { findExcessiveNesting } from '../io/scan-nesting.js'

/**
 * JSON bodies as Fastify parses them (prototype poisoning refused), after the same nesting pre-scan
 * as YAML and JSON files (reliability.md §C, §G): a body nested deeper than MAX_NESTING_DEPTH is a
 * 400 before any parser or validator recurses into it.
 */
export function registerJsonBodyParser(app: FastifyInstance): void {
  const parse = app.getDefaultJsonParser('error', 'error')
  app.removeContentTypeParser('application/json')
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = typeof body === 'string' ? body : body.toString('utf8')
    const deep = findExcessiveNesting(text, MAX_NESTING_DEPTH)
    if (deep) {
      done(
        new InvalidInputError('the JSON body is nested too deeply', [
          {
            field: 'body',
            message: `nesting deeper than ${MAX_NESTING_DEPTH} levels is refused (line ${deep.line})`,
          },
        ]),
        undefined,
      )
      return
    }
    // The default parser's callback form: it calls `done` and returns nothing to wait for.
    void parse(request, text, done)
  })
}
